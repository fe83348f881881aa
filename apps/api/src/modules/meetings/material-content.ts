import { AppException } from '../../common/app-exception';
import { assertZipWithinLimits } from '../../common/zip-guard';

/**
 * What a material file really is, judged by its first bytes rather than by its name or the type the
 * browser claims: an .exe renamed .pdf is refused. The name and the claimed type must agree with the
 * content; the stored type is the canonical one for the content.
 */
type Family = 'pdf' | 'png' | 'jpeg' | 'zip' | 'ole' | 'text';

interface Kind {
  family: Family;
  mime: string;
}

const OOXML_PREFIX = 'application/vnd.openxmlformats-officedocument.';
const BY_EXTENSION: Record<string, Kind> = {
  pdf: { family: 'pdf', mime: 'application/pdf' },
  png: { family: 'png', mime: 'image/png' },
  jpg: { family: 'jpeg', mime: 'image/jpeg' },
  jpeg: { family: 'jpeg', mime: 'image/jpeg' },
  docx: { family: 'zip', mime: `${OOXML_PREFIX}wordprocessingml.document` },
  xlsx: { family: 'zip', mime: `${OOXML_PREFIX}spreadsheetml.sheet` },
  pptx: { family: 'zip', mime: `${OOXML_PREFIX}presentationml.presentation` },
  doc: { family: 'ole', mime: 'application/msword' },
  xls: { family: 'ole', mime: 'application/vnd.ms-excel' },
  ppt: { family: 'ole', mime: 'application/vnd.ms-powerpoint' },
  txt: { family: 'text', mime: 'text/plain' },
};
const BY_MIME = new Map(Object.values(BY_EXTENSION).map((k) => [k.mime, k]));
/** Browsers send this when they do not know; then the name decides. */
const UNKNOWN_MIME = 'application/octet-stream';

const startsWith = (buf: Buffer, bytes: readonly number[]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

function isUtf8Text(buf: Buffer): boolean {
  if (buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

function familyOf(buf: Buffer): Family | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (isUtf8Text(buf)) return 'text';
  return null;
}

/** Keep the last path segment only, without control characters; a name is needed for downloads. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'material').slice(0, 200);
}

const refuse = (message: string) => new AppException('UNSUPPORTED_MEDIA_TYPE', undefined, [{ path: 'file', code: 'content_mismatch', message }]);

/** The canonical MIME type of an acceptable material, or UNSUPPORTED_MEDIA_TYPE. */
export function materialMimeType(content: Buffer, fileName: string, claimedMime: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const byName = ext ? BY_EXTENSION[ext] : undefined;
  const claimed = claimedMime === UNKNOWN_MIME ? undefined : BY_MIME.get(claimedMime);
  if (claimedMime !== UNKNOWN_MIME && !claimed) throw refuse(`Files of type ${claimedMime} are not accepted`);
  const expected = byName ?? claimed;
  if (!expected) throw refuse('Name the file with its extension (.pdf, .docx, .xlsx, .pptx, .doc, .xls, .ppt, .png, .jpg, .txt)');
  if (byName && claimed && byName.family !== claimed.family) throw refuse('The file name and the file type disagree');
  const family = familyOf(content);
  if (family !== expected.family) throw refuse('The content of the file does not match its type');
  if (family === 'zip') {
    assertZipWithinLimits(content);
    // An OOXML document is a ZIP with a [Content_Types].xml part; a plain ZIP is not a document.
    if (!content.includes('[Content_Types].xml')) throw refuse('Not an Office document');
  }
  return expected.mime;
}
