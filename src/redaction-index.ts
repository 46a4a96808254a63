/**
 * Finds secret values in a text in one pass: at each position only the values that share the text's next
 * characters are compared, so the cost grows with the text, not with text × secrets.
 *
 * The values are stored in a tree keyed by 4-character chunks (a hash of the chunk; every hit is verified by
 * comparing the whole value). A node holds the values that end within its chunk, grouped by length, and either
 * a few longer values in a list or children for the next chunk.
 */
const CHUNK = 4;
/** A node with at most this many longer values compares them directly instead of branching further. */
const LEAF_SIZE = 8;

interface IndexNode {
  /** Values of length depth + 0..3, longest first: compared as exact slices of the text. */
  short: { length: number; values: Set<string> }[];
  /** Longer values (at most LEAF_SIZE), longest first. */
  long: string[];
  /** Longer values by the hash of their next chunk. */
  children?: Map<number, IndexNode>;
  /** The node one chunk up: lookups climb back from the deepest match without a stack. */
  parent?: IndexNode;
}

export class RedactionIndex {
  private readonly root: IndexNode = { short: [], long: [] };

  /** Values are added one at a time as secrets become known; nothing is rebuilt. */
  add(value: string): void {
    if (value) insert(this.root, value);
  }

  /**
   * Replaces every occurrence of every value with `replacement`. Where occurrences overlap, the whole
   * overlapping stretch becomes one replacement (nothing of either value shows); adjacent occurrences are
   * replaced one by one, as a longest-first `split(value).join(replacement)` over the values would.
   */
  replaceAll(text: string, replacement: string): string {
    const parts: string[] = [];
    let copied = 0;
    let i = 0;
    while (i < text.length) {
      const length = longestAt(this.root, text, i);
      if (length === 0) {
        i++;
        continue;
      }
      let end = i + length;
      for (let j = i + 1; j < end; j++) end = Math.max(end, j + longestAt(this.root, text, j));
      parts.push(text.slice(copied, i), replacement);
      copied = i = end;
    }
    if (parts.length === 0) return text;
    parts.push(text.slice(copied));
    return parts.join('');
  }
}

/** A work list, not recursion: secrets sharing a long prefix make a deep path. */
function insert(root: IndexNode, first: string): void {
  const work: [IndexNode, string, number][] = [[root, first, 0]];
  for (let item = work.pop(); item; item = work.pop()) {
    const value = item[1];
    let node = item[0];
    let depth = item[2];
    while (node.children && value.length >= depth + CHUNK) {
      const key = chunkHash(value, depth);
      let child = node.children.get(key);
      if (!child) {
        child = { short: [], long: [], parent: node };
        node.children.set(key, child);
      }
      node = child;
      depth += CHUNK;
    }
    if (value.length < depth + CHUNK) {
      let entry = node.short.find((candidate) => candidate.length === value.length);
      if (!entry) {
        entry = { length: value.length, values: new Set() };
        node.short.push(entry);
        node.short.sort((a, b) => b.length - a.length);
      }
      entry.values.add(value);
    } else if (!node.long.includes(value)) {
      node.long.push(value);
      node.long.sort((a, b) => b.length - a.length);
      if (node.long.length > LEAF_SIZE) {
        node.children = new Map();
        for (const long of node.long.splice(0)) work.push([node, long, depth]);
      }
    }
  }
}

/** Length of the longest value that occurs at `start` (0 when none). */
function longestAt(root: IndexNode, text: string, start: number): number {
  // Down the chunks the text matches; deeper nodes hold longer values, so the way back up is longest first.
  let node = root;
  for (let at = start; node.children && at + CHUNK <= text.length; at += CHUNK) {
    const child = node.children.get(chunkHash(text, at));
    if (!child) break;
    node = child;
  }
  for (let level: IndexNode | undefined = node; level; level = level.parent) {
    for (const value of level.long) if (text.startsWith(value, start)) return value.length;
    for (const { length, values } of level.short) {
      if (start + length <= text.length && values.has(text.slice(start, start + length))) return length;
    }
  }
  return 0;
}

/** FNV-1a over the UTF-16 code units of one chunk. */
function chunkHash(text: string, at: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < CHUNK; k++) hash = Math.imul(hash ^ text.charCodeAt(at + k), 0x01000193);
  return hash;
}
