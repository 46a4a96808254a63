import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimServiceApp } from '../sim/types.js';
import { expectNoSecrets, SECRET_ENV, startE2E, type E2E } from './helpers/e2e.js';
import { runCli } from './helpers/run-action.js';
import { generateTestKey } from './helpers/sim-jwt.js';

let e2e: E2E;
afterEach(async () => e2e?.close());

const rsa = generateTestKey('RSA');
const ec = generateTestKey('EC');
const RSA_PEM = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const RSA_PKCS1_PEM = rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
const EC_JWK = JSON.stringify({ ...ec.privateKey.export({ format: 'jwk' }), kid: 'ec-key-1' });

const serviceApps: SimServiceApp[] = [
  {
    clientId: '0oaserviceRsaDpop001',
    publicJwk: rsa.publicJwk,
    scopes: ['okta.apps.read', 'okta.apps.manage'],
    dpop: true,
  },
  {
    clientId: '0oaserviceEcBearer01',
    publicJwk: ec.publicJwk,
    kid: 'ec-key-1',
    scopes: ['okta.apps.read', 'okta.apps.manage'],
  },
  { clientId: '0oaserviceReadOnly01', publicJwk: rsa.publicJwk, scopes: ['okta.apps.read'] },
];

const oauth = (clientId: string, key: string, extra: Record<string, string> = {}) => ({
  'okta-api-token': '',
  'okta-client-id': clientId,
  'okta-private-key': key,
  ...extra,
});

/** Access tokens the simulator issued, read from the API calls it received. */
function issuedTokens(): string[] {
  return [
    ...new Set(
      e2e.sim.requests.flatMap((r) => {
        const match = /^(?:Bearer|DPoP) (.+)$/.exec(r.headers.authorization ?? '');
        return match ? [match[1]!] : [];
      }),
    ),
  ];
}

const keyLines = (pem: string) =>
  pem.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'));

describe('OAuth 2.0 service app with private_key_jwt: the action', () => {
  it('plans and applies with an RSA PEM key and DPoP with a nonce, one token per run', async () => {
    e2e = await startE2E({ sim: { serviceApps } });
    const plan = await e2e.dispatch({ command: 'plan', ...oauth('0oaserviceRsaDpop001', RSA_PEM) });
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.outputs.changes).toBe('true');
    const tokenCalls = () => e2e.sim.requests.filter((r) => r.bucket === 'token');
    // One token per run: the first request is answered use_dpop_nonce, the retry with the nonce succeeds.
    expect(tokenCalls().map((r) => r.status)).toEqual([400, 200]);
    const apiCalls = e2e.sim.requests.filter((r) => r.bucket !== 'token');
    expect(apiCalls.length).toBe(9); // 4 apps + 4 connections + the features of the one connection that declares them and is set up
    for (const call of apiCalls) {
      expect(call.headers.authorization).toMatch(/^DPoP /);
      expect(call.headers.dpop).toBeDefined();
      expect(call.status).toBe(200);
    }

    const apply = await e2e.dispatch({
      command: 'apply',
      'plan-hash': plan.outputs['plan-hash']!,
      ...oauth('0oaserviceRsaDpop001', RSA_PEM),
    });
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.outputs.applied).toBe('3');
    expect(tokenCalls()).toHaveLength(4);
    const secrets = [...e2e.secrets, ...keyLines(RSA_PEM), ...issuedTokens()];
    for (const run of [plan, apply]) await expectNoSecrets(run, secrets);
  });

  it('plans with an EC JWK key and a Bearer token (kid from the JWK)', async () => {
    e2e = await startE2E({ sim: { serviceApps } });
    const run = await e2e.dispatch({ command: 'plan', ...oauth('0oaserviceEcBearer01', EC_JWK) });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const tokenCalls = e2e.sim.requests.filter((r) => r.bucket === 'token');
    expect(tokenCalls.map((r) => r.status)).toEqual([200]);
    expect(
      e2e.sim.requests
        .filter((r) => r.bucket !== 'token')
        .every((r) => /^Bearer /.test(r.headers.authorization ?? '')),
    ).toBe(true);
    const jwk = JSON.parse(EC_JWK) as { d: string };
    await expectNoSecrets(run, [...e2e.secrets, jwk.d, ...issuedTokens()]);
  });

  it('plans with read-only scopes but cannot apply, naming the missing scope', async () => {
    e2e = await startE2E({ sim: { serviceApps } });
    const key = oauth('0oaserviceReadOnly01', RSA_PKCS1_PEM, { 'okta-scopes': 'okta.apps.read' });
    const plan = await e2e.dispatch({ command: 'plan', ...key });
    expect(plan.code, plan.stdout).toBe(0);
    const apply = await e2e.dispatch({ command: 'apply', 'plan-check': 'off', ...key });
    expect(apply.code).toBe(1);
    expect(apply.outputs).toMatchObject({ applied: '0', failed: '3' });
    expect(apply.summary).toContain('okta.apps.manage');
    expect(e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.baseUrl).toBe(
      'https://scim.zscaler.example.com/scim/v1',
    );
  });

  it('asks only for read scopes when planning, so a read-only service app plans with the default scopes', async () => {
    e2e = await startE2E({ sim: { serviceApps } });
    const run = await e2e.dispatch({ command: 'plan', ...oauth('0oaserviceReadOnly01', RSA_PEM) });
    expect(run.code, run.stdout).toBe(0);
    const token = e2e.sim.requests.find((r) => r.bucket === 'token')!;
    expect((token.body as Record<string, string>).scope).toBe('okta.apps.read');
  });

  it.each([
    ['garbage', 'not a key at all'],
    ['truncated PEM', RSA_PEM.slice(0, 200)],
    ['public key', JSON.stringify(ec.publicJwk)],
  ])('fails cleanly on a malformed key (%s) without printing it', async (_name, key) => {
    e2e = await startE2E({ sim: { serviceApps } });
    const run = await e2e.dispatch({ command: 'plan', ...oauth('0oaserviceRsaDpop001', key) });
    expect(run.code).toBe(1);
    const error = run.annotations.find((a) => a.level === 'error')!;
    expect(error.message).toMatch(/private key/i);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const printed = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const line of [key, ...keyLines(key)]) if (line.length >= 16) expect(printed).not.toContain(line);
    expect(e2e.sim.requests).toHaveLength(0);
  });

  it('refuses two auth methods at once', async () => {
    e2e = await startE2E({ sim: { serviceApps } });
    const run = await e2e.dispatch({
      command: 'plan',
      'okta-client-id': '0oaserviceRsaDpop001',
      'okta-private-key': RSA_PEM,
    });
    expect(run.code).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')!.message).toContain(
      'exactly one Okta auth method',
    );
    expect(e2e.sim.requests).toHaveLength(0);
  });

  it('works from the CLI with --client-id and --private-key-file', async () => {
    e2e = await startE2E({ sim: { serviceApps } });
    const keyFile = path.join(e2e.workspace, 'service-app.pem');
    await writeFile(keyFile, RSA_PEM);
    const result = await runCli(
      [
        'plan',
        'okta/connections',
        '--org',
        e2e.sim.url,
        '--client-id',
        '0oaserviceRsaDpop001',
        '--private-key-file',
        keyFile,
      ],
      e2e.workspace,
      SECRET_ENV,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'Plan: 2 to configure, 1 to activate, 1 to deactivate, 1 to update features, 1 unchanged.',
    );
    for (const line of keyLines(RSA_PEM)) expect(result.stdout + result.stderr).not.toContain(line);
  });
});
