import type { InventorySeg } from '@segqc/core';
import type { QcAnnotationRef } from './QcCaseResult';

/** Ids as the viewer names annotations: "Family, Given" (the login, else "annotator", when unnamed); a second SEG of one name gets " (2)". */
export function annotationRefs(segs: readonly InventorySeg[]): QcAnnotationRef[] {
  const seen = new Map<string, number>();
  return segs.map((seg) => {
    const name = displayName(seg.creator.name) ?? seg.creator.login ?? 'annotator';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return {
      id: count === 1 ? name : `${name} (${count})`,
      sopInstanceUid: seg.sopInstanceUid,
      seriesInstanceUid: seg.seriesInstanceUid,
      name: seg.creator.name,
      login: seg.creator.login,
      sop: seg.sop ? `${seg.sop.id}@${seg.sop.version}+${seg.sop.shortHash}` : null,
    };
  });
}

function displayName(personName: string | null): string | null {
  if (personName === null) return null;
  const [family = '', given = ''] = personName.split('=')[0].split('^');
  if (family.trim() === '' && given.trim() === '') return null;
  return given.trim() ? `${family.trim()}, ${given.trim()}` : family.trim();
}
