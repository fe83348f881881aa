import type { NextFunction, Request, Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Preferred first: Brotli is about 15 % smaller than gzip on our bundles. */
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/** Does the Accept-Encoding header allow this coding (present, and not `;q=0`)? */
export function acceptsEncoding(header: string | undefined, coding: string): boolean {
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== coding && name.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/**
 * Serve the .br or .gz copy that `scripts/precompress-web.js` wrote beside a web asset, when the browser takes
 * that coding; otherwise fall through to express.static. Only names found in the build are looked up (the set
 * is read once), so a request path never reaches the file system unchecked.
 */
export function precompressedStatic(root: string, setHeaders: (res: Response, file: string) => void) {
  const available = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.br') || e.name.endsWith('.gz')) available.add(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !available.size) return next();
    const rel = req.path.replace(/^\/+/, '');
    for (const { name, ext } of ENCODINGS) {
      if (!available.has(rel + ext) || !acceptsEncoding(req.headers['accept-encoding'], name)) continue;
      const file = path.join(root, rel);
      res.setHeader('Content-Encoding', name);
      res.setHeader('Vary', 'Accept-Encoding');
      res.type(path.extname(file));
      setHeaders(res, file);
      return res.sendFile(rel + ext, { root, dotfiles: 'deny', lastModified: true }, (err) => err && next(err));
    }
    res.vary('Accept-Encoding');
    next();
  };
}
