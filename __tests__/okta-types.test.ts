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
  const connectionAnswers = interactions().filter(
    (i) => i.response.code === 200 && /\/connections\/default$/.test(new URL(i.request.url).pathname),
  );

  it('finds the recorded connection answers', () => {
    expect(connectionAnswers.length).toBeGreaterThanOrEqual(10);
  });

  it.each(connectionAnswers.map((i) => [i.file, i.request.method, i] as const))(
    '%s %s',
    (_file, method, interaction) => {
      const connection = parseConnection(JSON.parse(interaction.response.body));
      expect(connection).toEqual({
        authScheme: 'TOKEN',
        // The POST without ?activate creates a disabled connection; later reads see it enabled.
        status: method === 'POST' ? 'DISABLED' : 'ENABLED',
        baseUrl: 'https://integrator-8357679-admin.okta.com',
      });
    },
  );
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
  const spec = parseYaml(readFileSync(CONNECTIONS_OPENAPI_FILE, 'utf8')) as {
    components: { examples: Record<string, { value: unknown }> };
  };
  const examples = Object.entries(spec.components.examples).filter(([name]) =>
    /^ProvisioningConnection.*Response.*Ex$/.test(name),
  );

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)('%s', (_name, example) => {
    const value = example.value as { status: string; profile: { authScheme: string } };
    const connection = parseConnection(value);
    expect(connection.status).toBe(value.status);
    expect(connection.authScheme).toBe(value.profile.authScheme);
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
