import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { bucketOf } from '../src/okta/buckets.js';
import { linkUrl } from '../src/okta/link.js';
import { parseApp, parseAppList, parseErrorBody } from '../src/okta/types.js';
import { parseConnection } from '../src/resources/connection/read.js';
import { CONNECTIONS_OPENAPI_FILE, RECORDINGS_DIR } from './helpers/okta-reference.js';

const recordings = fileURLToPath(RECORDINGS_DIR);

interface Interaction {
  request: { url: string; method: string; body?: string };
  response: { code: number; body: string };
}

function interactions(): Array<Interaction & { file: string }> {
  return readdirSync(recordings)
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) => {
      const doc = parseYaml(readFileSync(recordings + file, 'utf8')) as { interactions: Interaction[] };
      return doc.interactions.map((interaction) => ({ ...interaction, file }));
    });
}

describe('parseConnection on the recorded Okta traffic', () => {
  it('reads every recorded connection answer: created disabled by the POST, enabled on later reads', () => {
    const read = interactions()
      .filter(
        (i) => i.response.code === 200 && /\/connections\/default$/.test(new URL(i.request.url).pathname),
      )
      .map((i) => ({
        file: i.file,
        method: i.request.method,
        ...parseConnection(JSON.parse(i.response.body)),
      }));
    const baseUrl = 'https://integrator-8357679-admin.okta.com';
    const enabledRead = (file: string) => ({
      file,
      method: 'GET',
      authScheme: 'TOKEN',
      status: 'ENABLED',
      baseUrl,
    });
    const created = (file: string) => ({
      file,
      method: 'POST',
      authScheme: 'TOKEN',
      status: 'DISABLED',
      baseUrl,
    });
    const dataSource = (edition: string) => `TestAccDataSourceOktaAppConnection_read.${edition}-00.yaml`;
    const resource = (edition: string) => `TestAccResourceOktaAppConnection_cru.${edition}-00.yaml`;
    expect(read).toEqual([
      ...Array.from({ length: 5 }, () => enabledRead(dataSource('classic'))),
      ...Array.from({ length: 5 }, () => enabledRead(dataSource('oie'))),
      created(resource('classic')),
      enabledRead(resource('classic')),
      created(resource('oie')),
      enabledRead(resource('oie')),
    ]);
  });
});

describe('parseConnection, leniently', () => {
  it('reads Org2Org OAuth with clientId at the top and in the profile, ignoring extra fields', () => {
    expect(
      parseConnection({
        authScheme: 'OAUTH2',
        status: 'ENABLED',
        clientId: '0oa2wmzEtqh49C1Sr0g4',
        somethingNew: { nested: true },
        profile: {
          authScheme: 'OAUTH2',
          clientId: '0oa2wmzEtqh49C1Sr0g4',
          signing: { rotationMode: 'AUTO' },
        },
        _links: { self: { href: 'https://x/api/v1/apps/a/connections/default' } },
      }),
    ).toEqual({
      authScheme: 'OAUTH2',
      status: 'ENABLED',
      clientId: '0oa2wmzEtqh49C1Sr0g4',
      rotationMode: 'AUTO',
    });
  });

  it('takes a top-level clientId when the profile has none', () => {
    expect(
      parseConnection({ status: 'DISABLED', clientId: 'c1', profile: { authScheme: 'OAUTH2' } }).clientId,
    ).toBe('c1');
  });

  it('reads a connection that was never set up as UNKNOWN', () => {
    expect(
      parseConnection({
        authScheme: 'UNKNOWN',
        status: 'UNKNOWN',
        profile: { authScheme: 'UNKNOWN' },
        _links: { self: { href: 'x' } },
      }),
    ).toEqual({ authScheme: 'UNKNOWN', status: 'UNKNOWN' });
  });

  it('turns missing and unexpected values into UNKNOWN', () => {
    expect(parseConnection({})).toEqual({ authScheme: 'UNKNOWN', status: 'UNKNOWN' });
    expect(
      parseConnection({
        status: 'PAUSED',
        profile: { authScheme: 'SAML', signing: { rotationMode: 'YEARLY' } },
      }),
    ).toEqual({ authScheme: 'UNKNOWN', status: 'UNKNOWN' });
  });

  it('reads the consent link of OAuth apps', () => {
    const connection = parseConnection({
      status: 'DISABLED',
      profile: { authScheme: 'OAUTH2' },
      _links: { authorize: { href: 'https://login.example.com/consent?state=1', hints: { allow: ['GET'] } } },
    });
    expect(connection.authorizeUrl).toBe('https://login.example.com/consent?state=1');
  });

  it('refuses what is not an object', () => {
    expect(() => parseConnection([])).toThrow(/connection object/);
    expect(() => parseConnection(undefined)).toThrow(/connection object/);
  });
});

describe('parseConnection on the OpenAPI response examples', () => {
  it('reads each example response', () => {
    const spec = parseYaml(readFileSync(CONNECTIONS_OPENAPI_FILE, 'utf8')) as {
      components: { examples: Record<string, { value: unknown }> };
    };
    const example = (name: string) => parseConnection(spec.components.examples[name]?.value);
    expect(example('ProvisioningConnectionOAuthOrg2OrgWithRotationResponseEx')).toEqual({
      status: 'ENABLED',
      authScheme: 'OAUTH2',
      clientId: '0oa2wmzEtqh49C1Sr0g4',
      rotationMode: 'AUTO',
    });
    expect(example('ProvisioningConnectionOauthResponseEx')).toEqual({
      status: 'ENABLED',
      authScheme: 'OAUTH2',
      authorizeUrl:
        'https://login.microsoftonline.com/myofficetenant.onmicrosoft.com/oauth2/authorize?response_type=code&state=<code>>&client_id=<client_id>&redirect_uri=<redirect_uri>&scope=<scope>',
    });
    expect(example('ProvisioningConnectionTokenResponseWithProfileOrg2OrgEx')).toEqual({
      status: 'ENABLED',
      authScheme: 'TOKEN',
      baseUrl: 'https://targetorg.okta.com',
    });
    expect(example('ProvisioningConnectionTokenResponseWithProfileZscalerEx')).toEqual({
      status: 'ENABLED',
      authScheme: 'TOKEN',
      baseUrl: 'https://scim.zscalerbeta.net/1234567/890/scim',
    });
  });
});

describe('apps and errors', () => {
  it('reads an app, ignoring the many other fields', () => {
    expect(
      parseApp({
        id: '0oa1',
        name: 'okta_org2org',
        label: 'Hub',
        status: 'ACTIVE',
        signOnMode: 'SAML_2_0',
        features: ['PUSH_NEW_USERS'],
        _links: {},
      }),
    ).toEqual({ id: '0oa1', name: 'okta_org2org', label: 'Hub', status: 'ACTIVE' });
    expect(parseApp({ id: '0oa2' })).toEqual({ id: '0oa2', name: 'UNKNOWN', label: '', status: 'UNKNOWN' });
    expect(() => parseApp({ name: 'x' })).toThrow(/id/);
    expect(() => parseAppList({})).toThrow(/array/);
  });

  it('reads Okta and OAuth error bodies', () => {
    expect(
      parseErrorBody({
        errorCode: 'E0000001',
        errorSummary: 'Api validation failed: profile',
        errorLink: 'E0000001',
        errorId: 'oae1',
        errorCauses: [{ errorSummary: 'Provisioning is not enabled for the app instance.' }],
      }),
    ).toEqual({
      errorCode: 'E0000001',
      errorSummary: 'Api validation failed: profile',
      causes: ['Provisioning is not enabled for the app instance.'],
    });
    expect(parseErrorBody({ error: 'invalid_client', error_description: 'bad assertion' })).toEqual({
      errorCode: 'invalid_client',
      errorSummary: 'bad assertion',
      causes: [],
    });
    expect(parseErrorBody('<html>')).toEqual({ causes: [] });
  });
});

describe('buckets', () => {
  it.each([
    ['GET', '/api/v1/apps/0oa1', 'apps-id'],
    ['GET', '/api/v1/apps/0oa1/connections/default', 'apps-star'],
    ['POST', '/api/v1/apps/0oa1/connections/default?activate=true', 'apps-star'],
    ['POST', '/api/v1/apps/0oa1/connections/default/lifecycle/activate', 'apps-star'],
    ['GET', '/api/v1/apps', 'apps-list'],
    ['GET', '/api/v1/apps?limit=200&after=0oa9', 'apps-list'],
    ['POST', '/oauth2/v1/token', 'token'],
    ['GET', '/api/v1/users', 'other'],
  ])('%s %s → %s', (method, path, bucket) => {
    expect(bucketOf(method, path)).toBe(bucket);
  });
});

describe('Link headers', () => {
  it('finds rel="next" among several links, as an opaque URL', () => {
    const header =
      '<https://org.okta.com/api/v1/apps?limit=2>; rel="self", <https://org.okta.com/api/v1/apps?after=0oa2%3D&limit=2>; rel="next"';
    expect(linkUrl(header, 'next', 'https://org.okta.com/')?.href).toBe(
      'https://org.okta.com/api/v1/apps?after=0oa2%3D&limit=2',
    );
    expect(
      linkUrl('<https://org.okta.com/api/v1/apps?limit=2>; rel="self"', 'next', 'https://org.okta.com/'),
    ).toBe(undefined);
    expect(linkUrl(undefined, 'next', 'https://org.okta.com/')).toBeUndefined();
  });
});
