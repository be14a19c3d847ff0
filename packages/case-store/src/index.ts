export { DirectoryCaseStore, type CaseStoreRow } from './DirectoryCaseStore';
