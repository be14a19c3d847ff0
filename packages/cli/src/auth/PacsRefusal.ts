/** What the PACS (SegQC's gateway) said when it refused a request's credential. */
export interface PacsRefusal {
  status: 401 | 403;
  /** The Bearer challenge's error_description (401), else the gateway's JSON `message`; as sent, not cleaned yet. */
  reason: string | null;
}
