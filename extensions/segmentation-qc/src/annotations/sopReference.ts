/**
 * The SOP in force when a segmentation was made, as SegQC records it in the SEG's ProtocolName
 * (0018,1030; General Series module: "the conditions under which the Series was performed"):
 * `id@version+hash`, hash being the first hex digits of the SHA-256 of the SOP's canonical JSON.
 * ProtocolName is LO (64 characters), so the full hash travels in the QC SR.
 */
export interface SopReference {
  id: string;
  version: string;
  shortHash: string;
}

const SOP_REFERENCE = /^([a-z0-9][a-z0-9._-]*)@(\d+\.\d+\.\d+(?:-[0-9a-z.]+)?)\+([0-9a-f]{8,64})$/;

export function parseSopReference(protocolName: unknown): SopReference | null {
  if (typeof protocolName !== 'string') return null;
  const match = SOP_REFERENCE.exec(protocolName.trim());
  return match ? { id: match[1], version: match[2], shortHash: match[3] } : null;
}

export function formatSopReference(sop: SopReference): string {
  return `${sop.id}@${sop.version}+${sop.shortHash}`;
}
