import { NoDicomwebDataSourceError } from '../dataSourceRoot';

/** The part of OHIF's app-config (window.config) read here. */
export interface DataSourceConfig {
  defaultDataSourceName?: string;
  dataSources?: Array<{ sourceName?: string; configuration?: { wadoRoot?: string } }>;
}

/**
 * The DICOMweb root of the app-config's data source, absolute: the programme pages are outside any
 * study, so there is no active data source to ask; the default data source is read from the
 * config (else the first), and a relative root such as `/dicom-web` is resolved against the page.
 */
export function configuredDicomwebRoot(config: DataSourceConfig | undefined, pageUrl: string): string {
  const sources = config?.dataSources ?? [];
  const source = sources.find((s) => s.sourceName !== undefined && s.sourceName === config?.defaultDataSourceName) ?? sources[0];
  const wadoRoot = source?.configuration?.wadoRoot;
  if (!wadoRoot) throw new NoDicomwebDataSourceError('the app-config has no DICOMweb data source (dataSources[…].configuration.wadoRoot): SegQC cannot read the programme from the PACS');
  return new URL(wadoRoot, pageUrl).href.replace(/\/+$/, '');
}
