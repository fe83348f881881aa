import JSZip from 'jszip';

/*
 * A minimal WordprocessingML (.docx) writer: a title, a few paragraphs and one bordered table on
 * landscape A4, which is all the plan's customary form needs. Written by hand over jszip (already
 * installed with exceljs) rather than adding a DOCX package.
 */

export interface DocxTable {
  headers: string[];
  /** relative column widths (any unit); scaled to the page */
  widths: number[];
  rows: string[][];
}

export interface DocxDocument {
  title: string;
  /** lines under the title (e.g. the approval note), then the table */
  subtitle?: string[];
  table: DocxTable;
  /** lines after the table */
  footer?: string[];
}

/** XML 1.0 text: escape markup and drop control characters Word refuses. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>';
const TITLE_FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体" w:cs="Times New Roman"/>';

/** One run per line so line breaks inside a cell survive. */
function runs(text: string, opts: { bold?: boolean; size?: number; title?: boolean } = {}): string {
  const rPr = `<w:rPr>${opts.title ? TITLE_FONT : FONT}${opts.bold ? '<w:b/>' : ''}<w:sz w:val="${opts.size ?? 21}"/><w:szCs w:val="${opts.size ?? 21}"/></w:rPr>`;
  return text
    .split('\n')
    .map((line, i) => `<w:r>${rPr}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`)
    .join('');
}

function paragraph(text: string, opts: { bold?: boolean; size?: number; center?: boolean; title?: boolean } = {}): string {
  const pPr = `<w:pPr>${opts.center ? '<w:jc w:val="center"/>' : ''}<w:spacing w:after="120"/></w:pPr>`;
  return `<w:p>${pPr}${runs(text, opts)}</w:p>`;
}

// Landscape A4 in twentieths of a point, 2 cm margins.
const PAGE_W = 16838;
const PAGE_H = 11906;
const MARGIN = 1134;

function table(t: DocxTable): string {
  const usable = PAGE_W - 2 * MARGIN;
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * usable));
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`;
  const cell = (text: string, i: number, header: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr>${header ? '<w:jc w:val="center"/>' : ''}</w:pPr>${runs(text, { bold: header })}</w:p></w:tc>`;
  // The header row repeats on every page (tblHeader), as a printed plan table does.
  const head = `<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>${t.headers.map((h, i) => cell(h, i, true)).join('')}</w:tr>`;
  const body = t.rows.map((r) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map((c, i) => cell(c, i, false)).join('')}</w:tr>`).join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${usable}" w:type="dxa"/>${borders}<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${head}${body}</w:tbl>`
  );
}

export function documentXml(doc: DocxDocument): string {
  const parts = [
    paragraph(doc.title, { bold: true, size: 36, center: true, title: true }),
    ...(doc.subtitle ?? []).map((s) => paragraph(s, { center: true })),
    table(doc.table),
    // A body must not end in a table: Word wants a paragraph between the last table and sectPr.
    ...(doc.footer?.length ? doc.footer : ['']).map((s) => paragraph(s)),
  ];
  const sect = `<w:sectPr><w:pgSz w:w="${PAGE_W}" w:h="${PAGE_H}" w:orient="landscape"/><w:pgMar w:top="${MARGIN}" w:right="${MARGIN}" w:bottom="${MARGIN}" w:left="${MARGIN}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${parts.join('')}${sect}</w:body></w:document>`
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

function coreXml(title: string, created: Date): string {
  const at = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>Xieshang</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created></cp:coreProperties>`
  );
}

export async function renderDocx(doc: DocxDocument, created = new Date()): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('docProps/core.xml', coreXml(doc.title, created));
  zip.file('word/document.xml', documentXml(doc));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
