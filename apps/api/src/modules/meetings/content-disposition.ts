/**
 * `attachment` with the name twice: an ASCII stand-in for old clients and the exact UTF-8 name
 * (RFC 6266 / RFC 5987 `filename*`), which every current browser prefers, so Chinese names survive.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
