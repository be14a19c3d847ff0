import { describeFailure } from './describeFailure';

/** The part of OHIF's extension manager SegQC uses: the active data source's configuration. */
export interface ExtensionManager {
  getActiveDataSource(): Array<{ getConfig?: () => { wadoRoot?: string } | undefined }>;
}

export class NoDicomwebDataSourceError extends Error {
  override readonly name = 'NoDicomwebDataSourceError';
}

/** DICOMweb root of the active data source: where SegQC stores what it writes. */
export function activeDicomwebRoot(extensionManager: ExtensionManager): string {
  const wadoRoot = extensionManager.getActiveDataSource()[0]?.getConfig?.()?.wadoRoot;
  if (!wadoRoot) throw new NoDicomwebDataSourceError('the active data source has no DICOMweb root (wadoRoot): SegQC cannot store its results in the PACS');
  return wadoRoot;
}

/** The active DICOMweb root, or why there is none: for panels that still show without one, and say why. */
export function activeDicomwebRootOrError(extensionManager: ExtensionManager): { root: string | null; error: string | null } {
  try {
    return { root: activeDicomwebRoot(extensionManager), error: null };
  } catch (error) {
    return { root: null, error: describeFailure(error) };
  }
}
