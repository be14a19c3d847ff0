import { REPORT_STYLE } from '../programmeReport/reportStyle';

/** The programme report's style sheet, and what a printed dossier needs besides: A4 pages, sections on new pages, tables that break between rows, no heading left alone at a page's foot. */
export const DOSSIER_STYLE = `${REPORT_STYLE}
td.hash { font-family: ui-monospace, monospace; font-size: 11px; word-break: break-all; }
td.person { white-space: nowrap; }
table.nested td { border: 0; padding: 0 6px 0 0; white-space: nowrap; }
ul.decisions { margin: 0; padding-left: 16px; }
.case h3 { margin-bottom: 0; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10px; }
  section { break-before: page; } section:first-of-type { break-before: auto; }
  tr, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
`;
