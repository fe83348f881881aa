import { attr, childrenOf, intAttr, type EditorJSON, type EditorMark } from './json';
import { renderInline, type InlineWriter } from './inline';

/**
 * GitHub-flavoured Markdown. Text is escaped so it reads back as the same text (no accidental
 * emphasis, links, headings, list items or table cells); tables become pipe tables.
 */

/** Characters that are syntax anywhere in a line. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/**
 * Syntax that only counts at the start of a line: headings, list markers, setext/thematic rules. Leading
 * spaces become character references, or four of them would turn the line into a code block.
 */
function escapeLineStarts(text: string): string {
  return text
    .replace(/^[ \t]+/gm, (indent) => indent.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
    .replace(/^(#|=|\+|-|(\d+)([.)]))/gm, (_m, token: string, digits?: string, delim?: string) =>
      digits !== undefined ? `${digits}\\${delim}` : `\\${token}`,
    );
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** Spaces and parentheses would end a Markdown link destination early. */
function markdownHref(href: string): string {
  return href.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Whether `**`/`*`/`~~` around the span would parse as emphasis (CommonMark flanking rules). Chinese
 * text often fails them: in `**主持人：**张三` the closing `**` follows punctuation and precedes a
 * letter, so it stays literal; such spans are written as HTML tags instead.
 */
function delimitersWork(spanText: string, before: string, after: string): boolean {
  const core = spanText.trimEnd();
  if (core === '') return false;
  const first = core.charAt(0);
  const last = core.charAt(core.length - 1);
  const next = core.length < spanText.length ? ' ' : after;
  const edge = (c: string) => c === '' || WHITESPACE.test(c) || PUNCTUATION.test(c);
  const opens = !WHITESPACE.test(first) && (!PUNCTUATION.test(first) || edge(before));
  const closes = !WHITESPACE.test(last) && (!PUNCTUATION.test(last) || edge(next));
  return opens && closes;
}

const DELIMITERS: Record<string, { md: string; html: string }> = {
  bold: { md: '**', html: 'strong' },
  italic: { md: '*', html: 'em' },
  strike: { md: '~~', html: 'del' },
};

function inlineWriter(hardBreak: string): InlineWriter {
  const codeFences = new Map<EditorMark, string>();
  const closers = new Map<EditorMark, string>();
  return {
    whitespaceOutsideMarks: true,
    open(mark, spanText, before, after) {
      const delimiter = DELIMITERS[mark.type];
      if (delimiter) {
        const useDelimiters = delimitersWork(spanText, before, after);
        closers.set(mark, useDelimiters ? delimiter.md : `</${delimiter.html}>`);
        return useDelimiters ? delimiter.md : `<${delimiter.html}>`;
      }
      switch (mark.type) {
        case 'link':
          return '[';
        case 'underline':
          return '<u>';
        case 'code': {
          // The fence is longer than any backtick run inside; a span starting or ending with a backtick
          // (or with a space at both ends, which Markdown strips once) gets one padding space each side.
          const fence = '`'.repeat(longestRun(spanText, '`') + 1);
          const pad = /^`|`$/.test(spanText) || /^ .* $/.test(spanText) ? ' ' : '';
          codeFences.set(mark, pad + fence);
          return fence + pad;
        }
        default:
          return '';
      }
    },
    close(mark) {
      const closer = closers.get(mark);
      if (closer !== undefined) {
        closers.delete(mark);
        return closer;
      }
      switch (mark.type) {
        case 'link':
          return `](${markdownHref(String(mark.attrs?.href))})`;
        case 'underline':
          return '</u>';
        case 'code': {
          const fence = codeFences.get(mark) ?? '`';
          codeFences.delete(mark);
          return fence;
        }
        default:
          return '';
      }
    },
    text(text, marks) {
      if (marks.some((m) => m.type === 'code')) return text.replace(/\n/g, ' ');
      return escapeInline(text);
    },
    hardBreak: () => hardBreak,
    other: (node) => escapeInline(node.text ?? ''),
  };
}

function inlineOf(node: EditorJSON, hardBreak = '\\\n'): string {
  return renderInline(childrenOf(node), inlineWriter(hardBreak));
}

function indent(text: string, prefix: string, firstPrefix: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? firstPrefix + line : line === '' ? '' : prefix + line))
    .join('\n');
}

function renderBlocks(nodes: EditorJSON[], tight = false): string {
  return nodes
    .map(renderBlock)
    .filter((text) => text !== '')
    .join(tight ? '\n' : '\n\n');
}

/** A nested list follows its paragraph on the next line, so the outer list stays tight. */
function renderItemBlocks(nodes: EditorJSON[]): string {
  let out = '';
  for (const node of nodes) {
    const text = renderBlock(node);
    if (text === '') continue;
    const nested = node.type === 'bulletList' || node.type === 'orderedList';
    out += out === '' ? text : `${nested ? '\n' : '\n\n'}${text}`;
  }
  return out;
}

function renderList(node: EditorJSON, ordered: boolean): string {
  let number = intAttr(node, 'start', 1, 0, 1e9);
  return childrenOf(node)
    .map((item) => {
      const marker = ordered ? `${number++}. ` : '- ';
      const body = renderItemBlocks(childrenOf(item));
      return indent(body === '' ? '' : body, ' '.repeat(marker.length), marker).trimEnd();
    })
    .join('\n');
}

function renderCodeBlock(node: EditorJSON): string {
  const code = childrenOf(node).map((c) => c.text ?? '').join('');
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  const language = attr<string>(node, 'language', '');
  const info = typeof language === 'string' && /^[A-Za-z0-9_+#.-]{1,40}$/.test(language) ? language : '';
  return `${fence}${info}\n${code}\n${fence}`;
}

function renderBlock(node: EditorJSON): string {
  switch (node.type) {
    case 'doc':
      return renderBlocks(childrenOf(node));
    case 'paragraph':
      return escapeLineStarts(inlineOf(node));
    case 'heading': {
      const level = intAttr(node, 'level', 1, 1, 6);
      const text = inlineOf(node, ' ').replace(/\n/g, ' ');
      return text === '' ? '' : `${'#'.repeat(level)} ${text}`;
    }
    case 'bulletList':
      return renderList(node, false);
    case 'orderedList':
      return renderList(node, true);
    case 'listItem':
      return renderBlocks(childrenOf(node));
    case 'blockquote': {
      const body = renderBlocks(childrenOf(node));
      return body
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    }
    case 'codeBlock':
      return renderCodeBlock(node);
    case 'horizontalRule':
      return '---';
    case 'table':
      return renderTable(node);
    default:
      return node.content ? renderBlocks(childrenOf(node)) : escapeInline(node.text ?? '');
  }
}

/** One cell's blocks on one line (pipe tables have no multi-line cells): `<br>` between blocks. */
function cellText(cell: EditorJSON): string {
  const parts: string[] = [];
  const collect = (node: EditorJSON) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      parts.push(inlineOf(node, '<br>'));
    } else if (node.type === 'codeBlock') {
      parts.push(escapeInline(childrenOf(node).map((c) => c.text ?? '').join('')));
    } else {
      childrenOf(node).forEach(collect);
    }
  };
  childrenOf(cell).forEach(collect);
  return parts
    .filter((p) => p !== '')
    .join('<br>')
    .replace(/\n/g, '<br>')
    // Inside code spans the backslash escapes nothing, but GFM still splits cells on a bare pipe.
    .replace(/(?<!\\)\|/g, '\\|');
}

interface Grid {
  rows: string[][];
  aligns: string[];
  width: number;
}

/** Lays cells out on a grid: spanned positions stay empty (GFM cannot merge cells). */
function tableGrid(table: EditorJSON): Grid {
  const rows: string[][] = [];
  const taken: boolean[][] = [];
  const aligns: string[] = [];
  childrenOf(table).forEach((row, r) => {
    rows[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of childrenOf(row)) {
      while (taken[r][c]) c++;
      const colspan = intAttr(cell, 'colspan', 1, 1, 1000);
      const rowspan = intAttr(cell, 'rowspan', 1, 1, 1000);
      rows[r][c] = cellText(cell);
      const align = attr<string>(cell, 'align', '');
      if (r === 0 && typeof align === 'string') aligns[c] = align;
      for (let dr = 0; dr < rowspan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) taken[r + dr][c + dc] = true;
      }
      c += colspan;
    }
  });
  const rowCount = Math.max(rows.length, taken.length);
  const width = Math.max(1, ...taken.map((t) => t.length), ...rows.map((r) => r.length));
  const full: string[][] = [];
  for (let r = 0; r < rowCount; r++) full.push(Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? ''));
  return { rows: full, aligns, width };
}

function renderTable(table: EditorJSON): string {
  const { rows, aligns, width } = tableGrid(table);
  if (rows.length === 0) return '';
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const delimiter = Array.from({ length: width }, (_, c) =>
    aligns[c] === 'center' ? ':---:' : aligns[c] === 'right' ? '---:' : aligns[c] === 'left' ? ':---' : '---',
  );
  // GFM needs a header row; the first row is it (editors make it a header row by default).
  return [line(rows[0]), `| ${delimiter.join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

export function renderMarkdown(json: EditorJSON): string {
  const body = renderBlock(json);
  return body === '' ? '' : `${body}\n`;
}
