export { createGatewayApp, DICOMWEB_PREFIX, CSP_REPORT_PATH, DEFAULT_STOW_BODY_LIMIT_BYTES, type GatewayOptions } from './gatewayApp';
export { DICOMWEB_ROUTES, type DicomwebRoute, type DicomwebAction } from './dicomwebRoutes';
export { gatewayEnvironment, GatewayConfigError } from './gatewayEnvironment';
export { sendGatewayError } from './gatewayError';
export { inlineScriptsOf } from './viewerPolicy';
export type { CspViolation } from './cspReports';
export { accessTokenVerifier, AccessTokenError, type AccessTokenSettings, type AccessTokenVerifier, type TokenIdentity } from './accessTokens';
export { rolesOfClaims, SEGQC_ROLES, type RoleMapping, type SegqcRole } from './segqcRoles';
