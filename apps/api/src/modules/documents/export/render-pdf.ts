import PDFDocument from 'pdfkit';
import { finalizedLines, intAttr, type EditorJSON, type ExportMeta } from '@xieshang/editor-schema';
import { cjkFonts } from './pdf-fonts';
import { inlineSegments, type InlineSegment } from './inline-segments';
import { tableGrid, type GridCell } from './table-grid';

/**
 * PDF rendering with pdfkit: A4, Noto Sans Hans embedded (subset), CJK text wrapped by pdfkit's
 * Unicode line breaking, our own table layout (borders, wrapped cells, rows kept whole across page
 * breaks, header row repeated), page numbers stamped at the end.
 */
type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 64, bottom: 64, left: 64, right: 64 };
const BODY_SIZE = 11;
const HEADING_SIZES: Record<number, number> = { 1: 17, 2: 14.5, 3: 12.5 };
const TEXT_COLOR = '#111111';
const LINK_COLOR = '#1f4e9e';
const LIST_INDENT = 18;
const CELL_PADDING = 4;
const BLOCK_GAP = 6;

interface Style {
  size: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

/**
 * Hard breaks become a newline at the start of the next run (pdfkit drops one that ends a continued
 * run), or at the end of the last run.
 */
function textRuns(segments: InlineSegment[]) {
  const out: Array<Extract<InlineSegment, { kind: 'text' }>> = [];
  let pendingBreaks = '';
  for (const s of segments) {
    if (s.kind === 'break') {
      pendingBreaks += '\n';
      continue;
    }
    out.push({ ...s, text: pendingBreaks + s.text });
    pendingBreaks = '';
  }
  if (pendingBreaks !== '') {
    if (out.length > 0) out[out.length - 1].text += pendingBreaks;
    else out.push({ kind: 'text', text: pendingBreaks, bold: false, italic: false, underline: false, strike: false, code: false, href: null });
  }
  return out;
}

function plain(segments: InlineSegment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : '\n')).join('');
}

/** Writes one paragraph of rich text at (x, doc.y) within width; pdfkit flows it onto new pages. */
function writeRich(doc: Doc, segments: InlineSegment[], x: number, width: number, style: Style, height?: number): void {
  const runs = textRuns(segments);
  if (runs.length === 0) {
    doc.font(style.bold ? 'bold' : 'regular').fontSize(style.size);
    doc.text(' ', x, doc.y, { width, ...(height ? { height } : {}) });
    return;
  }
  runs.forEach((run, i) => {
    doc
      .font(style.bold || run.bold ? 'bold' : 'regular')
      .fontSize(run.code ? style.size * 0.95 : style.size)
      .fillColor(run.href ? LINK_COLOR : run.code ? '#8a1c1c' : (style.color ?? TEXT_COLOR));
    const options: PDFKit.Mixins.TextOptions = {
      width,
      align: style.align ?? 'left',
      continued: i < runs.length - 1,
      underline: run.underline || run.href !== null,
      strike: run.strike,
      oblique: run.italic ? 12 : false,
      link: run.href,
      ...(height ? { height } : {}),
    };
    if (i === 0) doc.text(run.text, x, doc.y, options);
    else doc.text(run.text, options);
  });
  doc.fillColor(TEXT_COLOR);
}

/** Height writeRich will take (measured with the widest font used). */
function measureRich(doc: Doc, segments: InlineSegment[], width: number, style: Style): number {
  const text = plain(segments);
  const bold = style.bold || segments.some((s) => s.kind === 'text' && s.bold);
  doc.font(bold ? 'bold' : 'regular').fontSize(style.size);
  return doc.heightOfString(text === '' ? ' ' : text, { width });
}

function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > bottomLimit(doc) && doc.y > MARGIN.top + 1) doc.addPage();
}

function headingSize(node: EditorJSON): number {
  return HEADING_SIZES[Math.min(intAttr(node, 'level', 1, 1, 6), 3)];
}

class PdfWriter {
  constructor(private readonly doc: Doc) {}

  blocks(nodes: EditorJSON[] | undefined, x: number, width: number): void {
    for (const node of nodes ?? []) this.block(node, x, width);
  }

  block(node: EditorJSON, x: number, width: number): void {
    const doc = this.doc;
    switch (node.type) {
      case 'paragraph':
        writeRich(doc, inlineSegments(node.content), x, width, { size: BODY_SIZE });
        doc.y += BLOCK_GAP;
        return;
      case 'heading': {
        const size = headingSize(node);
        doc.y += size * 0.4;
        // Keep a heading with at least two lines of what follows.
        ensureSpace(doc, measureRich(doc, inlineSegments(node.content), width, { size, bold: true }) + BODY_SIZE * 3);
        writeRich(doc, inlineSegments(node.content), x, width, { size, bold: true });
        doc.y += BLOCK_GAP;
        return;
      }
      case 'bulletList':
      case 'orderedList':
        this.list(node, x, width);
        return;
      case 'blockquote':
        this.quote(node, x, width);
        return;
      case 'codeBlock':
        this.code(node, x, width);
        return;
      case 'horizontalRule':
        ensureSpace(doc, 12);
        doc.y += 4;
        doc.moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(0.6).strokeColor('#999999').stroke();
        doc.y += 8;
        return;
      case 'table':
        this.table(node, x, width);
        return;
      default:
        if (node.content) this.blocks(node.content, x, width);
        else if (node.text) writeRich(doc, [{ kind: 'text', text: node.text, bold: false, italic: false, underline: false, strike: false, code: false, href: null }], x, width, { size: BODY_SIZE });
    }
  }

  private list(node: EditorJSON, x: number, width: number): void {
    const doc = this.doc;
    const ordered = node.type === 'orderedList';
    let number = intAttr(node, 'start', 1, 0, 1e9);
    const items = node.content ?? [];
    doc.font('regular').fontSize(BODY_SIZE);
    // The marker column fits the widest number ("10." needs more room than "•").
    const indent = ordered ? Math.max(LIST_INDENT, doc.widthOfString(`${number + items.length - 1}.`) + 6) : LIST_INDENT;
    for (const item of items) {
      const marker = ordered ? `${number++}.` : '•';
      ensureSpace(doc, BODY_SIZE * 1.6);
      const markerY = doc.y;
      const markerPage = doc.bufferedPageRange().count;
      const children = item.content ?? [];
      this.blocks(children.length > 0 ? children : [{ type: 'paragraph' }], x + indent, width - indent);
      // The marker goes beside the first line; if that line moved to a new page, put it there.
      const afterY = doc.y;
      if (doc.bufferedPageRange().count !== markerPage) {
        doc.switchToPage(markerPage - 1);
      }
      doc.font('regular').fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
      doc.text(marker, x, markerY, { width: indent - 4, align: ordered ? 'right' : 'center', lineBreak: false });
      const last = doc.bufferedPageRange();
      doc.switchToPage(last.start + last.count - 1);
      doc.x = MARGIN.left;
      doc.y = afterY;
    }
  }

  private quote(node: EditorJSON, x: number, width: number): void {
    const doc = this.doc;
    const startY = doc.y;
    const startPage = doc.bufferedPageRange().count;
    const inner = x + 14;
    for (const child of node.content ?? []) {
      if (child.type === 'paragraph') {
        writeRich(doc, inlineSegments(child.content), inner, width - 14, { size: BODY_SIZE, color: '#444444' });
        doc.y += BLOCK_GAP;
      } else {
        this.block(child, inner, width - 14);
      }
    }
    // The grey bar on the left, from where the quote starts (or the page top when it flowed over).
    const top = doc.bufferedPageRange().count === startPage ? startY : MARGIN.top;
    doc.moveTo(x + 3, top).lineTo(x + 3, doc.y - BLOCK_GAP).lineWidth(2.5).strokeColor('#bbbbbb').stroke();
  }

  private code(node: EditorJSON, x: number, width: number): void {
    const doc = this.doc;
    const text = (node.content ?? []).map((c) => c.text ?? '').join('');
    const segment: InlineSegment = { kind: 'text', text: text === '' ? ' ' : text, bold: false, italic: false, underline: false, strike: false, code: false, href: null };
    const style: Style = { size: BODY_SIZE * 0.9, color: '#222222' };
    const height = measureRich(doc, [segment], width - 12, style) + 10;
    const fullPage = bottomLimit(doc) - MARGIN.top;
    if (height <= fullPage) ensureSpace(doc, height);
    if (doc.y + height <= bottomLimit(doc)) doc.rect(x, doc.y, width, height).fill('#f4f4f4');
    doc.y += 5;
    writeRich(doc, [segment], x + 6, width - 12, style);
    doc.y += 5 + BLOCK_GAP;
  }

  private table(node: EditorJSON, x: number, width: number): void {
    const doc = this.doc;
    const grid = tableGrid(node);
    if (grid.rows.length === 0) return;
    const known = grid.columnWidths.filter((w): w is number => w !== null);
    const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
    const relative = grid.columnWidths.map((w) => w ?? fallback);
    const total = relative.reduce((a, b) => a + b, 0);
    const colWidths = relative.map((w) => (w / total) * width);
    const colX = colWidths.reduce<number[]>((acc, w, i) => [...acc, acc[i] + w], [x]);
    const cellWidth = (c: GridCell) => colX[c.col + c.colspan] - colX[c.col];

    const cellHeight = (cell: GridCell) => {
      const inner = cellWidth(cell) - 2 * CELL_PADDING;
      let h = 0;
      for (const block of cell.content) h += measureRich(doc, inlineSegments(blockInline(block)), inner, { size: BODY_SIZE, bold: cell.header });
      return Math.max(h, doc.font('regular').fontSize(BODY_SIZE).currentLineHeight(true)) + 2 * CELL_PADDING;
    };

    // Row heights: single-row cells first, then rowspans stretch their last row if they need more.
    const heights = grid.rows.map((cells) => Math.max(0, ...cells.filter((c) => c.rowspan === 1).map(cellHeight)));
    for (const cells of grid.rows) {
      for (const cell of cells.filter((c) => c.rowspan > 1)) {
        const spanned = heights.slice(cell.row, cell.row + cell.rowspan).reduce((a, b) => a + b, 0);
        const need = cellHeight(cell);
        if (need > spanned) heights[cell.row + cell.rowspan - 1] += need - spanned;
      }
    }
    heights.forEach((h, r) => (heights[r] = Math.max(h, BODY_SIZE + 2 * CELL_PADDING)));

    // Rows joined by a rowspan stay together on one page.
    const groups: Array<{ from: number; to: number }> = [];
    for (let r = 0; r < grid.rows.length; ) {
      let to = r;
      for (let k = r; k <= to; k++) for (const cell of grid.rows[k]) to = Math.max(to, cell.row + cell.rowspan - 1);
      groups.push({ from: r, to });
      r = to + 1;
    }
    const headerRow = grid.rows[0].length > 0 && grid.rows[0].every((c) => c.header && c.rowspan === 1) ? 0 : -1;
    const fullPage = bottomLimit(doc) - MARGIN.top;

    const drawRows = (from: number, to: number) => {
      const top = doc.y;
      const rowTop: number[] = [];
      let y = top;
      for (let r = from; r <= to; r++) {
        rowTop[r] = y;
        y += heights[r];
      }
      for (let r = from; r <= to; r++) {
        for (const cell of grid.rows[r]) {
          const h = heights.slice(cell.row, cell.row + cell.rowspan).reduce((a, b) => a + b, 0);
          const cx = colX[cell.col];
          const w = cellWidth(cell);
          if (cell.header) doc.rect(cx, rowTop[r], w, h).fill('#eeeeee');
          doc.rect(cx, rowTop[r], w, h).lineWidth(0.6).strokeColor('#555555').stroke();
          doc.y = rowTop[r] + CELL_PADDING;
          for (const block of cell.content) {
            writeRich(doc, inlineSegments(blockInline(block)), cx + CELL_PADDING, w - 2 * CELL_PADDING, { size: BODY_SIZE, bold: cell.header }, h);
          }
        }
      }
      doc.x = MARGIN.left;
      doc.y = y;
    };

    for (const group of groups) {
      const groupHeight = heights.slice(group.from, group.to + 1).reduce((a, b) => a + b, 0);
      if (groupHeight > fullPage - (headerRow === 0 ? heights[0] : 0)) {
        // Taller than a page: no box can hold it, so its cells become plain paragraphs.
        for (let r = group.from; r <= group.to; r++) {
          for (const cell of grid.rows[r]) this.blocks(cell.content, x, width);
        }
        continue;
      }
      if (doc.y + groupHeight > bottomLimit(doc)) {
        doc.addPage();
        if (headerRow === 0 && group.from > 0) drawRows(0, 0);
      }
      drawRows(group.from, group.to);
    }
    doc.y += BLOCK_GAP;
  }
}

/** A table cell's block as one inline run (lists and quotes inside cells are flattened). */
function blockInline(block: EditorJSON): EditorJSON[] {
  if (block.type === 'paragraph' || block.type === 'heading') return block.content ?? [];
  const out: EditorJSON[] = [];
  const walk = (node: EditorJSON) => {
    if (node.type === 'text' || node.type === 'hardBreak') {
      out.push(node);
      return;
    }
    const before = out.length;
    (node.content ?? []).forEach(walk);
    if ((node.type === 'paragraph' || node.type === 'heading') && out.length > before) out.push({ type: 'hardBreak' });
  };
  walk(block);
  if (out.at(-1)?.type === 'hardBreak') out.pop();
  return out;
}

function stampPageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing inside the bottom margin would make pdfkit add a page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(9).fillColor('#666666');
    doc.text(`第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN.left, doc.page.height - MARGIN.bottom + 24, {
      width: contentWidth(doc),
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

export function renderPdf(json: EditorJSON, meta: ExportMeta): Promise<Buffer> {
  const fonts = cjkFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: meta.title, Creator: 'Xieshang', Producer: 'Xieshang' },
    lang: 'zh-CN',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    const width = contentWidth(doc);
    const plainSegment = (text: string): InlineSegment[] => [{ kind: 'text', text, bold: false, italic: false, underline: false, strike: false, code: false, href: null }];

    writeRich(doc, plainSegment(meta.title), MARGIN.left, width, { size: 20, bold: true, align: 'center' });
    if (meta.subtitle) {
      doc.y += 2;
      writeRich(doc, plainSegment(meta.subtitle), MARGIN.left, width, { size: 12, color: '#444444', align: 'center' });
    }
    doc.y += 14;

    new PdfWriter(doc).blocks(json.content, MARGIN.left, width);

    const closing = finalizedLines(meta);
    if (closing.length > 0) {
      ensureSpace(doc, 60);
      doc.y += 12;
      doc.moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + width, doc.y).lineWidth(0.5).strokeColor('#cccccc').stroke();
      doc.y += 6;
      for (const line of closing) writeRich(doc, plainSegment(line), MARGIN.left, width, { size: 9, color: '#555555' });
    }
    stampPageNumbers(doc);
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}
