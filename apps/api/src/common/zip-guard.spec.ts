import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { AppException } from './app-exception';
import { assertZipWithinLimits } from './zip-guard';

/** A minimal one-entry ZIP whose central directory declares `declaredSize` uncompressed bytes. */
function zipOf(data: Buffer, declaredSize = data.length): Buffer {
  const name = Buffer.from('a.xml');
  const body = deflateRawSync(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + body.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, body, central, name, eocd]);
}

const codeOf = (f: () => void) => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    return e instanceof AppException ? `${e.code}:${(e.details as { code: string }[])[0].code}` : 'crashed';
  }
};

describe('zip guard', () => {
  it('accepts a real XLSX workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['姓名', '邮箱']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(codeOf(() => assertZipWithinLimits(xlsx))).toBe('accepted');
  });

  it('refuses an archive that expands past the limit (a zip bomb), before inflating it', () => {
    const bomb = zipOf(Buffer.alloc(8 * 1024 * 1024, 0));
    expect(bomb.length).toBeLessThan(20_000);
    expect(codeOf(() => assertZipWithinLimits(bomb, { maxEntries: 10, maxUncompressedBytes: 1024 * 1024 }))).toBe('UNSUPPORTED_MEDIA_TYPE:zip_limits');
  });

  it('refuses ZIP64 markers, truncated and non-ZIP input without crashing', () => {
    const z = zipOf(Buffer.from('hello'), 0xffffffff);
    expect(codeOf(() => assertZipWithinLimits(z))).toBe('UNSUPPORTED_MEDIA_TYPE:zip_limits');
    expect(codeOf(() => assertZipWithinLimits(zipOf(Buffer.from('hi')).subarray(0, 40)))).toBe('UNSUPPORTED_MEDIA_TYPE:zip_limits');
    expect(codeOf(() => assertZipWithinLimits(Buffer.from('PK\x03\x04 not really')))).toBe('UNSUPPORTED_MEDIA_TYPE:zip_limits');
    expect(codeOf(() => assertZipWithinLimits(Buffer.alloc(0)))).toBe('UNSUPPORTED_MEDIA_TYPE:zip_limits');
  });
});
