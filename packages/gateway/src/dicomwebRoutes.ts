/**
 * The gateway's allow-list: every DICOMweb request it forwards, as method + route (under the
 * DICOMweb root) + action, with the PS3.18 section that defines it. Anything else — other methods,
 * Orthanc's `servers/`, `app/`, `tools/` and REST routes, any non-DICOMweb path — matches no row
 * and is answered 404/405 by the gateway without reaching the PACS.
 *
 * Route parameters are checked before forwarding: `:study`, `:series`, `:instance` are UIDs
 * (dicomUid.ts), `:frames` a frame list, `*` of a bulk data route a tag path (dicomwebParams.ts).
 */
export type DicomwebAction = 'search' | 'retrieve' | 'store';

export interface DicomwebRoute {
  method: 'GET' | 'POST';
  /** find-my-way route under the DICOMweb root. */
  path: string;
  action: DicomwebAction;
  /** Where PS3.18 defines the resource. */
  section: string;
}

const STUDY = '/studies/:study';
const SERIES = `${STUDY}/series/:series`;
const INSTANCE = `${SERIES}/instances/:instance`;
const FRAMES = `${INSTANCE}/frames/:frames`;

export const DICOMWEB_ROUTES: readonly DicomwebRoute[] = [
  { method: 'GET', path: '/studies', action: 'search', section: 'PS3.18 10.6.1 Search: all studies' },
  { method: 'GET', path: '/series', action: 'search', section: 'PS3.18 10.6.1 Search: all series' },
  { method: 'GET', path: '/instances', action: 'search', section: 'PS3.18 10.6.1 Search: all instances' },
  { method: 'GET', path: `${STUDY}/series`, action: 'search', section: "PS3.18 10.6.1 Search: a study's series" },
  { method: 'GET', path: `${STUDY}/instances`, action: 'search', section: "PS3.18 10.6.1 Search: a study's instances" },
  { method: 'GET', path: `${SERIES}/instances`, action: 'search', section: "PS3.18 10.6.1 Search: a series' instances" },

  { method: 'GET', path: STUDY, action: 'retrieve', section: 'PS3.18 10.4.1.1.1 Retrieve: study instances' },
  { method: 'GET', path: SERIES, action: 'retrieve', section: 'PS3.18 10.4.1.1.1 Retrieve: series instances' },
  { method: 'GET', path: INSTANCE, action: 'retrieve', section: 'PS3.18 10.4.1.1.1 Retrieve: instance' },
  { method: 'GET', path: `${STUDY}/metadata`, action: 'retrieve', section: 'PS3.18 10.4.1.1.2 Retrieve: study metadata' },
  { method: 'GET', path: `${SERIES}/metadata`, action: 'retrieve', section: 'PS3.18 10.4.1.1.2 Retrieve: series metadata' },
  { method: 'GET', path: `${INSTANCE}/metadata`, action: 'retrieve', section: 'PS3.18 10.4.1.1.2 Retrieve: instance metadata' },
  { method: 'GET', path: FRAMES, action: 'retrieve', section: 'PS3.18 10.4.1.1.3 Retrieve: frames' },
  { method: 'GET', path: `${STUDY}/rendered`, action: 'retrieve', section: 'PS3.18 10.4.1.1.4 Retrieve: rendered study' },
  { method: 'GET', path: `${SERIES}/rendered`, action: 'retrieve', section: 'PS3.18 10.4.1.1.4 Retrieve: rendered series' },
  { method: 'GET', path: `${INSTANCE}/rendered`, action: 'retrieve', section: 'PS3.18 10.4.1.1.4 Retrieve: rendered instance' },
  { method: 'GET', path: `${FRAMES}/rendered`, action: 'retrieve', section: 'PS3.18 10.4.1.1.4 Retrieve: rendered frames' },
  { method: 'GET', path: `${STUDY}/thumbnail`, action: 'retrieve', section: 'PS3.18 10.4.1.1.4 Retrieve: study thumbnail' },
  { method: 'GET', path: `${SERIES}/thumbnail`, action: 'retrieve', section: 'PS3.18 10.4.1.1.4 Retrieve: series thumbnail' },
  { method: 'GET', path: `${INSTANCE}/thumbnail`, action: 'retrieve', section: 'PS3.18 10.4.1.1.4 Retrieve: instance thumbnail' },
  { method: 'GET', path: `${FRAMES}/thumbnail`, action: 'retrieve', section: 'PS3.18 10.4.1.1.4 Retrieve: frames thumbnail' },
  // Bulk data URIs are the origin server's to mint (PS3.18 10.4.1.1.5); this is the form the
  // metadata of Orthanc's DICOMweb plugin gives (…/instances/{uid}/bulk/{tag}[/{item}/{tag}…]).
  { method: 'GET', path: `${INSTANCE}/bulk/*`, action: 'retrieve', section: 'PS3.18 10.4.1.1.5 Retrieve: bulk data' },

  { method: 'POST', path: '/studies', action: 'store', section: 'PS3.18 10.5 Store: instances of any study' },
  { method: 'POST', path: STUDY, action: 'store', section: 'PS3.18 10.5 Store: instances of one study' },
];
