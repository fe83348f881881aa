import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppException } from '../../common/app-exception';
import { cleanFileName, materialMimeType } from './material-content';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const OLE = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff])]);
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const code = (f: () => unknown) => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    return e instanceof AppException ? e.code : String(e);
  }
};

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名单').addRow(['姓名', '界别']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('materialMimeType', () => {
  it('accepts each supported kind whose content matches its name', async () => {
    expect(materialMimeType(PDF, '会议通知.pdf', 'application/pdf')).toBe('application/pdf');
    expect(materialMimeType(PNG, 'a.PNG', 'image/png')).toBe('image/png');
    expect(materialMimeType(JPEG, 'photo.jpg', 'image/jpeg')).toBe('image/jpeg');
    expect(materialMimeType(OLE, 'old.doc', 'application/msword')).toBe('application/msword');
    expect(materialMimeType(await xlsx(), '名单.xlsx', XLSX_MIME)).toBe(XLSX_MIME);
    expect(materialMimeType(Buffer.from('协商议程\n一、通报情况'), '议程.txt', 'text/plain')).toBe('text/plain');
  });

  it('lets the name decide when the browser sends application/octet-stream', () => {
    expect(materialMimeType(PDF, 'x.pdf', 'application/octet-stream')).toBe('application/pdf');
    expect(code(() => materialMimeType(PDF, 'no-extension', 'application/octet-stream'))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([
    ['an .exe renamed .pdf', EXE, 'report.pdf', 'application/pdf'],
    ['a PDF named .docx', PDF, 'x.docx', 'application/octet-stream'],
    ['a name and a type that disagree', PDF, 'x.pdf', 'image/png'],
    ['an unsupported type', PDF, 'x.pdf', 'application/zip'],
    ['text that is not UTF-8', Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xff]), 'gbk.txt', 'text/plain'],
    ['text with NUL bytes', Buffer.from('a\u0000b'), 'x.txt', 'text/plain'],
  ])('refuses %s', (_what, content, name, mime) => {
    expect(code(() => materialMimeType(content, name, mime))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a plain ZIP named .docx and runs the ZIP limits', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const plain = Buffer.from(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(code(() => materialMimeType(plain, 'x.docx', 'application/octet-stream'))).toBe('UNSUPPORTED_MEDIA_TYPE');
    const truncated = (await xlsx()).subarray(0, 200);
    expect(code(() => materialMimeType(truncated, 'x.xlsx', XLSX_MIME))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('cleanFileName', () => {
  it('keeps Chinese names, drops paths and control characters', () => {
    expect(cleanFileName('C:\\Users\\周敏\\协商方案（征求意见稿）.docx')).toBe('协商方案（征求意见稿）.docx');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\n.pdf')).toBe('ab.pdf');
    expect(cleanFileName('')).toBe('material');
  });
});
