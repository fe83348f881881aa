/**
 * The only link targets we keep anywhere (editor, HTML, Markdown, DOCX, PDF): a document is shared with
 * every member and exported to the outside, so `javascript:`, `data:` and relative links are dropped.
 */
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

export const SAFE_LINK_PROTOCOLS: readonly string[] = ['http', 'https', 'mailto'];

/** The href trimmed if it is an absolute http(s)/mailto URL, otherwise null. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  // Control characters and whitespace inside the scheme are how "java\tscript:" tricks get through parsers.
  if (trimmed === '' || /[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return (SAFE_PROTOCOLS as readonly string[]).includes(url.protocol) ? trimmed : null;
}
