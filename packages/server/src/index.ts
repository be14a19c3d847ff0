export { createHostServer, BUNDLES_PREFIX, type HostServerOptions } from './hostServer';
export { startEmbeddedOrthanc, orthancCredential, type EmbeddedOrthanc, type EmbeddedOrthancOptions, type OrthancCredential } from './embeddedOrthanc';
export { ensureDebianPackages, ORTHANC, CHROMIUM, DICOM_VALIDATORS, type SystemRequirement } from './debianPackages';
export { seedDemoCohort, type SeedReport } from './seedDemoCohort';
export { stowInstances, StowError } from './stowRs';
export { freePort } from './freePort';
export { listen } from './listen';
export { paths } from './paths';
export { StartupError } from './startupError';
