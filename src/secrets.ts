import { RedactionIndex } from './redaction-index.js';

/**
 * The run's secret registry: every secret value (API token, private key, access tokens, resolved
 * `{ env: … }` secrets) is registered here before anything is printed, and every text that leaves the
 * process (logs, errors, comments, summaries, outputs, plan files) passes through `redact`.
 */
const REDACTED = '***';

/**
 * Encoded spellings shorter than this are not registered: they carry at most two bytes of the secret and
 * would mask ordinary text everywhere. The secret itself is redacted at any length.
 */
const MIN_SPELLING_LENGTH = 4;

type SecretListener = (value: string) => void;

export class SecretRegistry {
  private readonly secrets = new Set<string>();
  private readonly values = new Set<string>();
  private readonly listeners: SecretListener[] = [];
  private readonly index = new RedactionIndex();

  /** Called for every new spelling of every secret, e.g. `core.setSecret` in the action adapter. */
  onAdd(listener: SecretListener): void {
    this.listeners.push(listener);
    for (const value of this.values) listener(value);
  }

  add(value: string | undefined): void {
    if (!value || this.secrets.has(value)) return;
    this.secrets.add(value);
    for (const spelling of secretSpellings(value)) {
      if (this.values.has(spelling)) continue;
      this.values.add(spelling);
      this.index.add(spelling);
      for (const listener of this.listeners) listener(spelling);
    }
  }

  has(value: string): boolean {
    return this.values.has(value);
  }

  get size(): number {
    return this.values.size;
  }

  /** Every spelling of every secret becomes `***`, in one pass over the text. */
  redact(text: string): string {
    if (this.values.size === 0 || !text) return text;
    return this.index.replaceAll(text, REDACTED);
  }

  /**
   * JSON of a value with every string in it (keys included) redacted. Redacting the JSON text instead could
   * break it: a short secret such as `1` or `null` may be a number or a literal in the text.
   */
  redactJson(value: object, space?: number): string {
    const redactStrings = (inner: unknown): unknown => {
      if (typeof inner === 'string') return this.redact(inner);
      if (Array.isArray(inner)) return inner.map(redactStrings);
      if (inner && typeof inner === 'object') {
        return Object.fromEntries(
          Object.entries(inner).map(([key, item]) => [this.redact(key), redactStrings(item)]),
        );
      }
      return inner;
    };
    // The round trip first turns dates and other `toJSON` objects into the strings JSON would hold.
    return JSON.stringify(redactStrings(JSON.parse(JSON.stringify(value))), null, space);
  }
}

/**
 * The secret and the spellings it may take on its way out, at least those the GitHub runner masks itself:
 * JSON and XML escapes, URL encodings (component, RFC 3986, form, and each twice), hex, and base64. Base64 of
 * a secret inside a longer base64 text (`user:password`) depends on where the secret starts within a 3-byte
 * group, so the secret is also encoded from its 2nd and 3rd byte on; each of those three is cut to the
 * characters that depend on the secret alone, and also given in the URL-safe alphabet.
 */
function secretSpellings(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const uri = encodeURIComponent(value);
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  const hex = bytes.toString('hex');
  const json = JSON.stringify(value).slice(1, -1);
  const spellings = [
    json,
    ...jsonEscapes(json),
    uri.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    value.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!),
    value.replace(/"/g, '\\"'),
    value.replace(/'/g, "''"),
    uri,
    uri.replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`),
    form,
    encodeURIComponent(uri),
    encodeURIComponent(form),
    hex,
    hex.toUpperCase(),
    bytes.toString('base64'),
  ];
  for (const shift of [0, 1, 2]) {
    const rest = bytes.subarray(shift);
    const whole = rest.toString('base64').slice(0, Math.floor((rest.length * 4) / 3));
    spellings.push(whole, whole.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [value, ...new Set(spellings.filter((s) => s !== value && s.length >= MIN_SPELLING_LENGTH))];
}

/**
 * The other ways JSON writers escape a string: `\/`, HTML-safe (`\u003c` for `<>&'=`, as Gson and Go do),
 * ASCII-only (`\u00e9`, as Python and Jackson's ESCAPE_NON_ASCII do, in either case).
 */
function jsonEscapes(json: string): string[] {
  const unicode = (pattern: RegExp, upper = false) =>
    json.replace(pattern, (char) => {
      const code = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
      return upper ? code.toUpperCase().replace('\\U', '\\u') : code;
    });
  return [
    json.replace(/\//g, '\\/'),
    unicode(/[<>&'=]/g),
    unicode(/[^\x20-\x7e]/g),
    unicode(/[^\x20-\x7e]/g, true),
    unicode(/[<>&'=]|[^\x20-\x7e]/g),
  ];
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
