export { createHostServer, DICOMWEB_PREFIX, BUNDLES_PREFIX, type HostServerOptions } from './hostServer';
export { startEmbeddedOrthanc, type EmbeddedOrthanc, type EmbeddedOrthancOptions } from './embeddedOrthanc';
export { ensureDebianPackages, ORTHANC, CHROMIUM, DICOM_VALIDATORS, type SystemRequirement } from './debianPackages';
export { seedDemoCohort, type SeedReport } from './seedDemoCohort';
export { stowInstances, StowError } from './stowRs';
export { freePort } from './freePort';
export { listen } from './listen';
export { paths } from './paths';
export { StartupError } from './startupError';
