/**
 * Reads the service app's private key: PEM (PKCS#8, PKCS#1 RSA, SEC1 EC) or a JWK JSON object, RSA or
 * EC P-256. Errors describe what is wrong and never quote the key.
 */
import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { SecretRegistry } from '../secrets.js';
import { OktaConfigError } from './errors.js';
import type { JwsAlgorithm } from './jwt.js';

export interface SigningKey {
  key: KeyObject;
  alg: JwsAlgorithm;
  kid?: string;
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;
const PRIVATE_PEM_LABELS = ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY'];
const EXPECTED =
  'Expected a PEM private key (-----BEGIN PRIVATE KEY-----) or a JWK JSON object, RSA or EC P-256';

/** Secrets are registered before anything is checked, so no error path can leak them. */
export function parsePrivateKey(text: string, secrets?: Pick<SecretRegistry, 'add'>): SigningKey {
  // Secrets often arrive with "\n" escaped into one line.
  const normalized = normalizeKeyText(text);
  registerKeyText(text, normalized, secrets);
  if (normalized === '') throw keyError('it is empty');
  if (normalized.startsWith('{')) return fromJwk(normalized, secrets);
  if (normalized.includes('-----BEGIN ')) return fromPem(normalized);
  throw keyError('it is neither PEM nor JSON');
}

function fromPem(pem: string): SigningKey {
  if (pem.includes('ENCRYPTED')) throw keyError('it is encrypted; provide the key without a passphrase');
  const labels = [...pem.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((match) => match[1]!);
  const label = labels.find((candidate) => PRIVATE_PEM_LABELS.includes(candidate));
  if (!label) {
    const publicOnly = labels.some((candidate) => /PUBLIC KEY|CERTIFICATE/.test(candidate));
    throw keyError(
      publicOnly ? 'it is a public key or certificate, not the private key' : `no private key block found`,
    );
  }
  // Only the key block: `openssl ecparam -genkey` puts an "EC PARAMETERS" block before it.
  const start = pem.indexOf(`-----BEGIN ${label}-----`);
  const endMarker = `-----END ${label}-----`;
  const end = pem.indexOf(endMarker, start);
  if (end < 0) throw keyError(`the PEM block has no END line`);
  return checked(() => createPrivateKey({ key: pem.slice(start, end + endMarker.length), format: 'pem' }));
}

function fromJwk(json: string, secrets: Pick<SecretRegistry, 'add'> | undefined): SigningKey {
  let jwk: JsonWebKey;
  try {
    jwk = JSON.parse(json) as JsonWebKey;
  } catch {
    throw keyError('it looks like JSON but does not parse');
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk))
    throw keyError('the JSON is not a JWK object');
  for (const member of PRIVATE_JWK_MEMBERS) {
    if (typeof jwk[member] === 'string') secrets?.add(jwk[member]);
  }
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC')
    throw keyError(`JWK key type "${String(jwk.kty)}" is not supported`);
  if (typeof jwk.d !== 'string')
    throw keyError('the JWK is a public key (no "d" member), not the private key');
  const kid = typeof jwk.kid === 'string' && jwk.kid !== '' ? jwk.kid : undefined;
  const parsed = checked(() => createPrivateKey({ key: jwk, format: 'jwk' }));
  return kid ? { ...parsed, kid } : parsed;
}

/** Builds the key and checks that it can sign RS256 or ES256. */
function checked(create: () => KeyObject): SigningKey {
  let key: KeyObject;
  try {
    key = create();
  } catch {
    // node's message can quote parts of the input: replace it.
    throw keyError('it could not be decoded');
  }
  if (key.asymmetricKeyType === 'rsa') return { key, alg: 'RS256' };
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return { key, alg: 'ES256' };
    throw keyError(`EC curve ${String(curve)} is not supported (use P-256)`);
  }
  throw keyError(`key type ${String(key.asymmetricKeyType)} is not supported`);
}

function normalizeKeyText(text: string): string {
  return (text.includes('\n') ? text : text.replace(/\\n/g, '\n')).trim();
}

/** Registers a private key's text and each of its lines as secrets, before anything else sees it. */
export function registerPrivateKeySecrets(text: string, secrets: Pick<SecretRegistry, 'add'>): void {
  registerKeyText(text, normalizeKeyText(text), secrets);
}

function registerKeyText(
  raw: string,
  normalized: string,
  secrets: Pick<SecretRegistry, 'add'> | undefined,
): void {
  if (!secrets) return;
  secrets.add(raw);
  secrets.add(normalized);
  // A line of the key may reach a log on its own; the BEGIN/END lines are not secret.
  for (const line of normalized.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.length >= 16 && !trimmed.startsWith('-----')) secrets.add(trimmed);
  }
}

function keyError(problem: string): OktaConfigError {
  return new OktaConfigError(`The OAuth private key cannot be used: ${problem}. ${EXPECTED}.`);
}
