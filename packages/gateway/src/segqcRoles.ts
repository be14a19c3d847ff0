/**
 * SegQC's roles (DESIGN.md "Who uses it"), and how a site's identity provider names them: the
 * claim that carries the roles (`roles` in Entra ID, `realm_access.roles` in Keycloak) and a map
 * from the site's role names to SegQC's. A role the map does not name gives no SegQC role.
 */
export const SEGQC_ROLES = ['annotator', 'reviewer', 'adjudicator', 'qa-lead'] as const;
export type SegqcRole = (typeof SEGQC_ROLES)[number];

export interface RoleMapping {
  /** Dot path of the claim holding the role names, e.g. `realm_access.roles`. */
  claim: string;
  /** The site's role name → SegQC's; by default SegQC's own names map to themselves. */
  names?: ReadonlyMap<string, SegqcRole>;
}

const OWN_NAMES: ReadonlyMap<string, SegqcRole> = new Map(SEGQC_ROLES.map((role) => [role, role]));

/** The SegQC roles a token's claims grant, each once, in SEGQC_ROLES order. */
export function rolesOfClaims(claims: Record<string, unknown>, mapping: RoleMapping): SegqcRole[] {
  let value: unknown = claims;
  for (const part of mapping.claim.split('.')) {
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [];
  const map = mapping.names ?? OWN_NAMES;
  const granted = new Set(names.flatMap((name) => (typeof name === 'string' && map.has(name) ? [map.get(name)!] : [])));
  return SEGQC_ROLES.filter((role) => granted.has(role));
}
