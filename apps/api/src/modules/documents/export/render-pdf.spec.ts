import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleDocument, type EditorJSON } from '@xieshang/editor-schema';
import { renderPdf } from './render-pdf';

/** poppler-utils (pdftoppm, pdftotext) may be missing on a machine: only those checks then go. */
const poppler = spawnSync('pdftoppm', ['-v']).error === undefined;

const meta = { title: '第三次专题协商会会议纪要', subtitle: '政协某某市委员会办公室', finalizedAt: '2026-11-23T08:00:00Z', sha256: 'ab'.repeat(32) };

function withPdfFile<T>(pdf: Buffer, use: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'xieshang-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return use(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Share of dark pixels on a page rendered to greyscale PGM ("P5 w h 255\n" + one byte per pixel). */
function inkOnPage(file: string, dir: string, page: number): number {
  const out = join(dir, `page-${page}`);
  const run = spawnSync('pdftoppm', ['-r', '50', '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
  expect(run.status).toBe(0);
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  expect(header).not.toBeNull();
  const pixels = pgm.subarray(header![0].length);
  let dark = 0;
  for (const value of pixels) if (value < 128) dark++;
  return dark / pixels.length;
}

function pdfText(file: string): string {
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout;
}

const long = '各位委员围绕优化营商环境、推动高质量发展等议题，深入调研、认真协商，提出了许多具有建设性的意见和建议。'.repeat(8);

function longDocument(): EditorJSON {
  const cell = (type: string, text: string): EditorJSON => ({ type, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  return {
    type: 'doc',
    content: [
      ...Array.from({ length: 6 }, () => ({ type: 'paragraph', content: [{ type: 'text', text: long }] })),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: ['姓名', '界别', '意见'].map((t) => cell('tableHeader', t)) },
          ...Array.from({ length: 40 }, (_, i) => ({
            type: 'tableRow',
            content: [cell('tableCell', `第${i + 1}位委员`), cell('tableCell', '经济界'), cell('tableCell', long.slice(0, 40 + (i % 5) * 30))],
          })),
        ],
      },
    ],
  };
}

describe('renderPdf', () => {
  jest.setTimeout(60_000);

  it('is an A4 PDF embedding a subset of Noto Sans Hans (regular and bold)', async () => {
    const pdf = await renderPdf(sampleDocument(), meta);
    const bytes = pdf.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(bytes).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(bytes).toMatch(/\/Type \/FontDescriptor/);
    expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(bytes).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansHans-Bold/);
    expect(bytes).toMatch(/\/FontFile3/); // the embedded (CFF) font program
    expect(bytes).toContain('/ToUnicode'); // text can be searched and copied
    // Subset, not the whole 8 MB font files.
    expect(pdf.length).toBeLessThan(1_000_000);
  });

  it('draws the Chinese text on page 1 (pdftoppm / pdftotext when installed)', async () => {
    const pdf = await renderPdf(sampleDocument(), meta);
    if (!poppler) {
      console.warn('poppler-utils not installed: the rendering check of renderPdf was skipped');
      return;
    }
    withPdfFile(pdf, (dir, file) => {
      expect(inkOnPage(file, dir, 1)).toBeGreaterThan(0.005);
      const text = pdfText(file);
      for (const expected of ['第三次专题协商会会议纪要', '张主席', '一、主要意见', '加快审批流程改革', '整理委员发言', '民主协商，凝聚共识。', '王芳、赵强（联名）', '定稿时间：2026-11-23 16:00']) {
        expect(text).toContain(expected);
      }
      expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*1\s*页/); // pdftotext may drop the narrow spaces
    });
  });

  it('breaks long CJK text and long tables over numbered pages, repeating the header row', async () => {
    const pdf = await renderPdf(longDocument(), { title: '长文稿' });
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    if (!poppler) {
      console.warn('poppler-utils not installed: the rendering check of renderPdf was skipped');
      return;
    }
    withPdfFile(pdf, (dir, file) => {
      const text = pdfText(file);
      expect(text).toMatch(new RegExp(`第\\s*${pages}\\s*页\\s*/\\s*共\\s*${pages}\\s*页`));
      expect(text).toContain('第40位委员');
      // The header row is drawn again on each page the table continues on.
      const pageTexts = text.split('\f').filter((t) => /第\d+位委员/.test(t));
      expect(pageTexts.length).toBeGreaterThan(1);
      for (const pageText of pageTexts) expect(pageText).toMatch(/姓名\s+界别\s+意见/);
      for (let page = 1; page <= pages; page++) expect(inkOnPage(file, dir, page)).toBeGreaterThan(0.002);
      // No line of body text runs past the right margin: every CJK line is wrapped.
      expect(text.split('\n').every((line) => line.length < 200)).toBe(true);
    });
  });

  it('renders an empty document', async () => {
    const pdf = await renderPdf({ type: 'doc', content: [{ type: 'paragraph' }] }, { title: '空白文稿' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
