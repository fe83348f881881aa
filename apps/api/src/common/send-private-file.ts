import type { Response } from 'express';

/** A download of the organisation's data (materials, exports, attachments): personal, so no shared caches. */
export function sendPrivateFile(res: Response, file: { contentType: string; disposition: string; body: Buffer | Uint8Array | string }): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', file.disposition);
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(file.body);
}
