import { rolesOfClaims } from './segqcRoles';

describe("the site's role names as SegQC's", () => {
  test('Entra ID: a top-level roles claim with SegQC\'s own names', () => {
    expect(rolesOfClaims({ roles: ['reviewer', 'qa-lead', 'Mail.Read'] }, { claim: 'roles' })).toEqual(['reviewer', 'qa-lead']);
  });

  test('Keycloak: realm_access.roles through a site map; unknown names give nothing', () => {
    const names = new Map([['rad-senior', 'adjudicator' as const]]);
    expect(rolesOfClaims({ realm_access: { roles: ['rad-senior', 'uma_authorization'] } }, { claim: 'realm_access.roles', names })).toEqual(['adjudicator']);
    expect(rolesOfClaims({ realm_access: { roles: ['adjudicator'] } }, { claim: 'realm_access.roles', names })).toEqual([]);
  });

  test('a space-separated string claim, a missing claim, and a prototype path', () => {
    expect(rolesOfClaims({ scope: 'openid annotator' }, { claim: 'scope' })).toEqual(['annotator']);
    expect(rolesOfClaims({}, { claim: 'realm_access.roles' })).toEqual([]);
    expect(rolesOfClaims({ roles: ['reviewer'] }, { claim: '__proto__.roles' })).toEqual([]);
    expect(rolesOfClaims({ roles: 'constructor' }, { claim: 'roles' })).toEqual([]);
  });
});
