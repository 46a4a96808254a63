/**
 * The run's secret registry: every secret value (API token, private key, access tokens, resolved
 * `{ env: … }` secrets) is registered here before anything is printed, and every text that leaves the
 * process (logs, errors, comments, summaries, outputs, plan files) passes through `redact`.
 */
export const REDACTED = '***';

/** Values shorter than this are not redacted as substrings: they would shred ordinary text. */
const MIN_SECRET_LENGTH = 4;

export type SecretListener = (value: string) => void;

export class SecretRegistry {
  private readonly values = new Set<string>();
  private readonly listeners: SecretListener[] = [];
  private sorted: string[] | undefined;

  /** Called for every new secret, e.g. `core.setSecret` in the action adapter. */
  onAdd(listener: SecretListener): void {
    this.listeners.push(listener);
    for (const value of this.values) listener(value);
  }

  add(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.values.has(value)) return;
    // A secret may reach text JSON-escaped or URL-encoded; those spellings are redacted too (one level only).
    for (const spelling of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) {
      if (this.values.has(spelling)) continue;
      this.values.add(spelling);
      for (const listener of this.listeners) listener(spelling);
    }
    this.sorted = undefined;
  }

  has(value: string): boolean {
    return this.values.has(value);
  }

  get size(): number {
    return this.values.size;
  }

  redact(text: string): string {
    if (this.values.size === 0 || !text) return text;
    // Longest first, so a secret that contains another is removed whole.
    this.sorted ??= [...this.values].sort((a, b) => b.length - a.length);
    let out = text;
    for (const value of this.sorted) {
      if (out.includes(value)) out = out.split(value).join(REDACTED);
    }
    return out;
  }

  /** Redacts every string inside a JSON-able value. */
  redactDeep<T>(value: T): T {
    return JSON.parse(this.redact(JSON.stringify(value))) as T;
  }
}
