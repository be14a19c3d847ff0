import { isDicomUid } from './dicomUid';

/** A frame list of PS3.18 10.4.1.1.3: frame numbers from 1, comma-separated. */
const FRAME_LIST = /^[1-9][0-9]{0,8}(,[1-9][0-9]{0,8}){0,999}$/;
/** A bulk data tag path: tag, then item number and tag for each nested sequence. */
const BULK_TAG_PATH = /^[0-9A-Fa-f]{8}(\/[0-9]{1,6}\/[0-9A-Fa-f]{8}){0,8}$/;

/** The first route parameter that is not what its name says, or null when all are. */
export function invalidDicomwebParam(params: Record<string, string | undefined>): string | null {
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const valid = name === 'frames' ? FRAME_LIST.test(value) : name === '*' ? BULK_TAG_PATH.test(value) : isDicomUid(value);
    if (!valid) return name === '*' ? 'bulk data path' : name;
  }
  return null;
}
