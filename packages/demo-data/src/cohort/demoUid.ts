import { uidFromName } from '@segqc/core';

/** The UID of a demo object, from its stable name, e.g. `ct-01/series/ct` (see uidFromName). */
export function demoUid(path: string): string {
  return uidFromName(`segqc-demo/${path}`);
}
