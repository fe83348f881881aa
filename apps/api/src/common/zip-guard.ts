import { AppException } from './app-exception';

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/**
 * Read a ZIP's central directory (XLSX and DOCX are ZIPs) and refuse it before any parser inflates it
 * when it declares too many entries or too many uncompressed bytes: a 2 MB upload can otherwise
 * expand to gigabytes. ZIP64 archives are refused outright; office files of this size never need them.
 */
export function assertZipWithinLimits(buf: Buffer, limits = { maxEntries: 2000, maxUncompressedBytes: 64 * 1024 * 1024 }): void {
  const refuse = (message: string) => {
    throw new AppException('UNSUPPORTED_MEDIA_TYPE', undefined, [{ path: 'file', code: 'zip_limits', message }]);
  };
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('Not a readable ZIP archive');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) refuse('ZIP64 archives are not accepted');
  if (entries > limits.maxEntries) refuse(`More than ${limits.maxEntries} files inside the archive`);
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_ENTRY) refuse('Corrupt ZIP central directory');
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff) refuse('ZIP64 archives are not accepted');
    total += size;
    if (total > limits.maxUncompressedBytes) refuse('The archive expands to more than the allowed size');
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
}
