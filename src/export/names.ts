import { reservedEnvProblem } from '../definitions/rules.js';

const MAX_SLUG_LENGTH = 50;

/** Letters without their accents, so "Zürich" becomes "Zurich" rather than "Z_rich". */
function plainLetters(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** `text` with every run of other characters replaced by `separator`, cut to length, no separator at the ends. */
function slug(text: string, other: RegExp, separator: string): string {
  const joined = text.replace(other, separator).slice(0, MAX_SLUG_LENGTH);
  let start = 0;
  let end = joined.length;
  while (joined[start] === separator) start++;
  while (end > start && joined[end - 1] === separator) end--;
  return joined.slice(start, end);
}

/**
 * The stem of an app's environment variable names: uppercase letters, digits and `_`, never starting with a
 * digit and never in a namespace the runner or the action owns (the loader rejects those). Empty when the
 * label has no letters or digits.
 */
export function envSlug(label: string): string {
  const stem = slug(plainLetters(label).toUpperCase(), /[^A-Z0-9]+/g, '_');
  if (!stem) return '';
  if (/^\d/.test(stem)) return `APP_${stem}`;
  return reservedEnvProblem(`${stem}_`) ? `OKTA_${stem}` : stem;
}

/** A readable file name stem: lowercase letters, digits and `-`. Empty when the label has no letters or digits. */
export function fileSlug(label: string): string {
  return slug(plainLetters(label).toLowerCase(), /[^a-z0-9]+/g, '-');
}

/**
 * Hands out names that are unique within one export, compared case-insensitively (so files cannot collide on
 * macOS or Windows either). The first asker keeps the plain name; later ones get the next candidate.
 */
export class NameAllocator {
  private readonly used = new Set<string>();

  /**
   * The first candidate whose derived names are all free, which are then taken. `candidates` must not run out
   * (end it with a numbered sequence); `derive` turns a stem into the names it occupies.
   */
  take(candidates: Iterable<string>, derive: (stem: string) => string[] = (stem) => [stem]): string {
    for (const stem of candidates) {
      const names = derive(stem).map((name) => name.toLowerCase());
      if (names.every((name) => !this.used.has(name))) {
        for (const name of names) this.used.add(name);
        return stem;
      }
    }
    throw new Error('NameAllocator: the candidates ran out');
  }
}

/** `first`, then `first` + separator + 2, 3, …: the candidates for NameAllocator.take. */
export function* numbered(first: string, separator: string): Generator<string> {
  yield first;
  for (let n = 2; ; n++) yield `${first}${separator}${n}`;
}
