import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { finalizedLines, intAttr, type EditorJSON, type ExportMeta } from '@xieshang/editor-schema';
import { inlineSegments } from './inline-segments';
import { tableGrid } from './table-grid';

/**
 * Word rendering. Fonts follow the 党政机关公文 habits Word users in a 政协 office expect: 仿宋 body,
 * 黑体 / 楷体 / bold 仿宋 for heading levels 1–3, 宋体 title; Latin text in Times New Roman. East-Asian
 * font names are set explicitly (w:eastAsia), otherwise Word shows Chinese in its Latin fallback.
 */
const LATIN = 'Times New Roman';
const font = (eastAsia: string, latin = LATIN) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });
const BODY_FONT = font('仿宋');
const CODE_FONT = font('宋体', 'Consolas');
const BODY_SIZE = 32; // half-points: 16 pt = 三号
const A4_TEXT_WIDTH = 11906 - 2 * 1440; // twips: A4 width minus default margins
const ORDERED = 'ordered-list';
const LIST_INDENT = 420; // twips per nesting level

interface Context {
  /** Each ordered list gets its own numbering instance (restart at its start). */
  nextListInstance: number;
  orderedStarts: Set<number>;
}

type Block = Paragraph | Table;

function runs(nodes: EditorJSON[] | undefined, base: IRunOptions = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (const segment of inlineSegments(nodes)) {
    if (segment.kind === 'break') {
      children.push(new TextRun({ ...base, break: 1 }));
      continue;
    }
    const run = new TextRun({
      ...base,
      text: segment.text,
      bold: segment.bold || base.bold,
      italics: segment.italic || base.italics,
      underline: segment.underline || segment.href ? {} : undefined,
      strike: segment.strike || undefined,
      ...(segment.code ? { font: CODE_FONT, shading: { type: ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } } : {}),
      ...(segment.href ? { color: '1F4E9E' } : {}),
    });
    children.push(segment.href ? new ExternalHyperlink({ link: segment.href, children: [run] }) : run);
  }
  return children;
}

function headingLevel(node: EditorJSON) {
  const level = intAttr(node, 'level', 1, 1, 6);
  return level === 2 ? HeadingLevel.HEADING_2 : level >= 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_1;
}

interface ListPlace {
  level: number;
  ordered: { instance: number; start: number } | null;
  first: boolean;
}

function listItemParagraph(children: ParagraphChild[], place: ListPlace): Paragraph {
  if (!place.first) return new Paragraph({ children, indent: { left: LIST_INDENT * (place.level + 1) } });
  if (place.ordered) {
    return new Paragraph({
      children,
      numbering: { reference: `${ORDERED}-${place.ordered.start}`, level: place.level, instance: place.ordered.instance },
    });
  }
  return new Paragraph({ children, bullet: { level: place.level } });
}

function renderList(node: EditorJSON, ctx: Context, level: number): Block[] {
  const ordered = node.type === 'orderedList';
  const start = intAttr(node, 'start', 1, 0, 1e9);
  if (ordered) ctx.orderedStarts.add(start);
  const instance = ctx.nextListInstance++;
  const blocks: Block[] = [];
  for (const item of node.content ?? []) {
    let first = true;
    for (const child of item.content ?? []) {
      if (child.type === 'bulletList' || child.type === 'orderedList') {
        blocks.push(...renderList(child, ctx, Math.min(level + 1, 8)));
        continue;
      }
      if (child.type === 'paragraph' || child.type === 'heading') {
        blocks.push(listItemParagraph(runs(child.content), { level, ordered: ordered ? { instance, start } : null, first }));
      } else {
        blocks.push(...renderBlock(child, ctx));
      }
      first = false;
    }
    if (first) blocks.push(listItemParagraph([], { level, ordered: ordered ? { instance, start } : null, first }));
  }
  return blocks;
}

function renderTable(node: EditorJSON, ctx: Context): Table | null {
  const grid = tableGrid(node);
  if (grid.rows.length === 0) return null;
  const known = grid.columnWidths.filter((w): w is number => w !== null);
  const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const relative = grid.columnWidths.map((w) => w ?? fallback);
  const total = relative.reduce((a, b) => a + b, 0);
  const columnWidths = relative.map((w) => Math.max(300, Math.round((w / total) * A4_TEXT_WIDTH)));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '555555' };
  const rows = grid.rows.map(
    (cells) =>
      new TableRow({
        tableHeader: cells.length > 0 && cells.every((c) => c.header) && cells[0].row === 0 ? true : undefined,
        cantSplit: true,
        children: cells.map((cell) => {
          const content = cell.content.flatMap((child) => renderBlock(child, ctx, cell.header));
          return new TableCell({
            columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
            rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
            width: { size: columnWidths.slice(cell.col, cell.col + cell.colspan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
            borders: { top: border, bottom: border, left: border, right: border },
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            ...(cell.header ? { shading: { type: ShadingType.CLEAR, fill: 'F0F0F0', color: 'auto' } } : {}),
            children: content.length > 0 ? content : [new Paragraph({})],
          });
        }),
      }),
  );
  return new Table({ rows, columnWidths, width: { size: A4_TEXT_WIDTH, type: WidthType.DXA } });
}

function renderBlock(node: EditorJSON, ctx: Context, bold = false): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [new Paragraph({ children: runs(node.content, bold ? { bold: true } : {}) })];
    case 'heading':
      return [new Paragraph({ heading: headingLevel(node), children: runs(node.content) })];
    case 'bulletList':
    case 'orderedList':
      return renderList(node, ctx, 0);
    case 'blockquote':
      return quoteBlocks(node, ctx);
    case 'codeBlock': {
      const code = (node.content ?? []).map((c) => c.text ?? '').join('');
      return code.split('\n').map(
        (line) =>
          new Paragraph({
            children: [new TextRun({ text: line, font: CODE_FONT, size: 21 })],
            shading: { type: ShadingType.CLEAR, fill: 'F6F6F6', color: 'auto' },
            spacing: { before: 0, after: 0, line: 276 },
          }),
      );
    }
    case 'horizontalRule':
      return [new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } })];
    case 'table': {
      const table = renderTable(node, ctx);
      // Word merges two adjacent tables into one; an empty paragraph after each keeps them apart.
      return table ? [table, new Paragraph({})] : [];
    }
    default:
      return node.content ? node.content.flatMap((child) => renderBlock(child, ctx, bold)) : [];
  }
}

/** Quoted paragraphs: indented, grey, with a bar on the left. */
function quoteBlocks(node: EditorJSON, ctx: Context): Block[] {
  return (node.content ?? []).flatMap((child) =>
    child.type === 'paragraph'
      ? [
          new Paragraph({
            children: runs(child.content, { color: '444444' }),
            indent: { left: 480 },
            border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'BBBBBB', space: 12 } },
          }),
        ]
      : renderBlock(child, ctx),
  );
}

function bodyBlocks(json: EditorJSON, ctx: Context): Block[] {
  return (json.content ?? []).flatMap((node) => renderBlock(node, ctx));
}

function orderedNumbering(start: number) {
  const formats = [LevelFormat.DECIMAL, LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER];
  return {
    reference: `${ORDERED}-${start}`,
    levels: Array.from({ length: 9 }, (_, level) => ({
      level,
      format: formats[level % formats.length],
      text: level % 3 === 1 ? `(%${level + 1})` : `%${level + 1}.`,
      alignment: AlignmentType.START,
      start: level === 0 ? start : 1,
      style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
    })),
  };
}

export async function renderDocx(json: EditorJSON, meta: ExportMeta): Promise<Buffer> {
  const ctx: Context = { nextListInstance: 1, orderedStarts: new Set() };
  const body = bodyBlocks(json, ctx);
  const header: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(meta.title)] }),
  ];
  if (meta.subtitle) {
    header.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: meta.subtitle, font: font('楷体') })] }));
  }
  const closing = finalizedLines(meta).map(
    (line, i) => new Paragraph({ spacing: { before: i === 0 ? 480 : 0 }, children: [new TextRun({ text: line, size: 20, color: '555555' })] }),
  );
  const doc = new Document({
    creator: 'Xieshang',
    title: meta.title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: BODY_SIZE }, paragraph: { spacing: { line: 360, after: 120 } } },
        title: { run: { font: font('宋体'), size: 44, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: font('黑体'), size: BODY_SIZE, bold: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: font('楷体'), size: BODY_SIZE, bold: true, color: '000000' }, paragraph: { spacing: { before: 180, after: 120 } } },
        heading3: { run: { font: BODY_FONT, size: BODY_SIZE, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 120 } } },
      },
    },
    numbering: { config: [...ctx.orderedStarts].sort((a, b) => a - b).map(orderedNumbering) },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' —'], size: 20 })],
              }),
            ],
          }),
        },
        children: [...header, ...body, ...closing],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
