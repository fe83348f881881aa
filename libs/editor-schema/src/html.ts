import { attr, childrenOf, intAttr, type EditorJSON, type EditorMark, type ExportMeta } from './json';
import { renderInline, type InlineWriter } from './inline';
import { finalizedLines } from './meta';

/**
 * Our own small serializer (no DOM needed, same output in Node and the browser): every text and
 * attribute is escaped, only known nodes/marks become tags, links only http(s)/mailto. Deterministic,
 * because the finalized copy is hashed.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const MARK_TAGS: Record<string, string> = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' };

const htmlInline: InlineWriter = {
  open(mark: EditorMark) {
    if (mark.type === 'link') return `<a href="${escapeHtml(String(mark.attrs?.href))}" rel="noopener noreferrer">`;
    return `<${MARK_TAGS[mark.type]}>`;
  },
  close(mark: EditorMark) {
    return mark.type === 'link' ? '</a>' : `</${MARK_TAGS[mark.type]}>`;
  },
  text: (text) => escapeHtml(text),
  hardBreak: () => '<br>',
  other: (node) => escapeHtml(node.text ?? ''),
};

function headingLevel(node: EditorJSON): number {
  return intAttr(node, 'level', 1, 1, 6);
}

function cellAttrs(node: EditorJSON): string {
  const colspan = intAttr(node, 'colspan', 1, 1, 1000);
  const rowspan = intAttr(node, 'rowspan', 1, 1, 65534);
  const align = attr<string>(node, 'align', '');
  let out = '';
  if (colspan > 1) out += ` colspan="${colspan}"`;
  if (rowspan > 1) out += ` rowspan="${rowspan}"`;
  if (['left', 'center', 'right'].includes(align)) out += ` style="text-align: ${align}"`;
  return out;
}

function languageClass(node: EditorJSON): string {
  const language = attr<string>(node, 'language', '');
  return typeof language === 'string' && /^[A-Za-z0-9_+#.-]{1,40}$/.test(language) ? ` class="language-${language}"` : '';
}

function blocks(node: EditorJSON): string {
  return childrenOf(node).map(renderNode).join('');
}

function renderNode(node: EditorJSON): string {
  switch (node.type) {
    case 'doc':
      return childrenOf(node).map(renderNode).join('\n');
    case 'paragraph':
      return `<p>${renderInline(childrenOf(node), htmlInline)}</p>`;
    case 'heading': {
      const level = headingLevel(node);
      return `<h${level}>${renderInline(childrenOf(node), htmlInline)}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${blocks(node)}</ul>`;
    case 'orderedList': {
      const start = intAttr(node, 'start', 1, 0, 1e9);
      const startAttr = start !== 1 ? ` start="${start}"` : '';
      return `<ol${startAttr}>${blocks(node)}</ol>`;
    }
    case 'listItem':
      return `<li>${blocks(node)}</li>`;
    case 'blockquote':
      return `<blockquote>${blocks(node)}</blockquote>`;
    case 'codeBlock':
      return `<pre><code${languageClass(node)}>${escapeHtml(childrenOf(node).map((c) => c.text ?? '').join(''))}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    case 'table':
      return `<table><tbody>${blocks(node)}</tbody></table>`;
    case 'tableRow':
      return `<tr>${blocks(node)}</tr>`;
    case 'tableHeader':
      return `<th${cellAttrs(node)}>${blocks(node)}</th>`;
    case 'tableCell':
      return `<td${cellAttrs(node)}>${blocks(node)}</td>`;
    case 'text':
    case 'hardBreak':
      return renderInline([node], htmlInline);
    default:
      // Unknown block (a newer client's node): keep its content, never its markup.
      return node.content ? blocks(node) : escapeHtml(node.text ?? '');
  }
}

/** The document body as an HTML fragment. */
export function renderHtml(json: EditorJSON): string {
  return renderNode(json);
}

const PRINT_CSS = [
  '@page { size: A4; margin: 20mm 18mm; }',
  'body { font-family: "FangSong", "仿宋", "STFangsong", "SimSun", "宋体", "Noto Serif CJK SC", "Songti SC", serif; font-size: 16px; line-height: 1.8; color: #111; max-width: 48em; margin: 2em auto; padding: 0 1em; }',
  'h1, h2, h3, .doc-title { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "PingFang SC", sans-serif; line-height: 1.4; }',
  '.doc-title { text-align: center; font-size: 1.6em; margin-bottom: 0.2em; }',
  '.doc-subtitle { text-align: center; color: #444; margin-top: 0; }',
  'table { border-collapse: collapse; width: 100%; margin: 1em 0; }',
  'th, td { border: 1px solid #555; padding: 4px 8px; vertical-align: top; text-align: left; }',
  'th { background: #f0f0f0; }',
  'td p, th p { margin: 0; }',
  'blockquote { border-left: 3px solid #bbb; margin-left: 0; padding-left: 1em; color: #333; }',
  'pre { white-space: pre-wrap; background: #f6f6f6; padding: 0.6em; }',
  '.doc-meta { margin-top: 3em; border-top: 1px solid #ccc; padding-top: 0.5em; font-size: 0.85em; color: #555; word-break: break-all; }',
  '@media print { body { margin: 0; max-width: none; } a { color: inherit; } tr, img { page-break-inside: avoid; } }',
].join('\n');

/**
 * A standalone page (finalized copy, download). Only what meta gives is shown; when the caller hashes
 * this page it must not pass the hash in (the page cannot contain its own digest).
 */
export function renderHtmlPage(json: EditorJSON, meta: ExportMeta): string {
  const header = [
    `<h1 class="doc-title">${escapeHtml(meta.title)}</h1>`,
    meta.subtitle ? `<p class="doc-subtitle">${escapeHtml(meta.subtitle)}</p>` : '',
  ].join('');
  const footerLines = finalizedLines(meta)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meta.title)}</title>`,
    `<style>\n${PRINT_CSS}\n</style>`,
    '</head>',
    '<body>',
    `<header>${header}</header>`,
    `<main>\n${renderHtml(json)}\n</main>`,
    footerLines ? `<footer class="doc-meta">${footerLines}</footer>` : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n');
}
