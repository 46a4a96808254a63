import { describe, expect, it } from 'vitest';
import { APP_KINDS, appKindLabel, appKindOf, hasPublicKey, namesOfKindsWith } from '../src/kinds/index.js';
import { simKindOf } from '../sim/kinds/index.js';

describe('app kinds: one registry', () => {
  it('names each kind once', () => {
    const names = APP_KINDS.map((kind) => kind.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives OAuth-only parts (client id, signing, admin credentials, consent) only to kinds that take OAUTH2', () => {
    for (const kind of APP_KINDS) {
      const oauthParts =
        Boolean(kind.clientId) || kind.signing || Boolean(kind.adminCredentials) || kind.consent;
      if (oauthParts) expect(kind.schemes, kind.name).toContain('OAUTH2');
      expect(kind.schemes.length, kind.name).toBeGreaterThan(0);
      expect(kind.offers, kind.name).toContain('USER_PROVISIONING');
    }
  });

  it('finds kinds by Okta name, and labels unknown names as Okta names them', () => {
    expect(appKindOf('okta_org2org')?.label).toBe('Okta Org2Org');
    expect(appKindOf('bookmark')).toBeUndefined();
    expect(appKindOf(undefined)).toBeUndefined();
    expect(appKindLabel('zscalerbyz')).toBe('Zscaler 2.0');
    expect(appKindLabel('bookmark')).toBe('bookmark');
    expect(namesOfKindsWith((kind) => kind.adminCredentials)).toBe('Office 365');
    expect(namesOfKindsWith((kind) => kind.signing)).toBe('Org2Org');
  });

  it('has a public key only for OAUTH2 connections of a kind with signing', () => {
    expect(hasPublicKey('okta_org2org', 'OAUTH2')).toBe(true);
    expect(hasPublicKey('okta_org2org', 'TOKEN')).toBe(false);
    expect(hasPublicKey('office365', 'OAUTH2')).toBe(false);
    expect(hasPublicKey(undefined, 'OAUTH2')).toBe(false);
  });

  it("agrees with the simulator's own copy of each kind", () => {
    for (const kind of APP_KINDS) {
      const sim = simKindOf(kind.name);
      expect(sim, kind.name).toBeDefined();
      expect(
        {
          schemes: sim?.schemes,
          consent: sim?.consent,
          offers: sim?.offers,
          clientId: sim?.clientId,
          signing: sim?.signing,
          adminSettings: sim?.adminSettings,
        },
        kind.name,
      ).toEqual({
        schemes: kind.schemes,
        consent: kind.consent,
        offers: kind.offers,
        clientId: Boolean(kind.clientId),
        signing: kind.signing,
        adminSettings: Boolean(kind.adminCredentials),
      });
    }
  });
});
