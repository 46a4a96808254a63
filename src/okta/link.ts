/** RFC 8288 `Link` headers, as Okta uses them for pagination. */

/** The URL of the link with `rel` (e.g. "next"), resolved against `base`; undefined when absent. */
export function linkUrl(header: string | undefined, rel: string, base: string): URL | undefined {
  if (!header) return undefined;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')?.[1]?.split(/\s+/) ?? [];
    if (rels.includes(rel)) return new URL(match[1]!, base);
  }
  return undefined;
}
