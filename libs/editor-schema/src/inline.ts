import { safeHref } from './safe-url';
import type { EditorJSON, EditorMark } from './json';

/**
 * Walks a block's inline content keeping marks open across neighbouring text nodes (so `a **b** c`
 * becomes one strong element, not three), in a fixed nesting order: output is deterministic.
 */
const MARK_RANK: Record<string, number> = { link: 0, bold: 1, italic: 2, underline: 3, strike: 4, code: 5 };

export interface InlineWriter {
  /**
   * spanText: all text the mark will wrap (a Markdown code span needs it to pick its fence); before: the
   * last character written so far; after: the first character following the span ('' at a line end).
   */
  open(mark: EditorMark, spanText: string, before: string, after: string): string;
  close(mark: EditorMark): string;
  text(text: string, marks: EditorMark[]): string;
  hardBreak(): string;
  /** Other inline nodes (unknown types): their text, escaped by the writer. */
  other?(node: EditorJSON): string;
  /** Markdown: `** a**` is not emphasis, so leading/trailing spaces go outside the delimiters. */
  whitespaceOutsideMarks?: boolean;
}

/** Known marks, unsafe links dropped, one per type, in nesting order. */
export function canonicalMarks(marks: EditorMark[] | undefined): EditorMark[] {
  const seen = new Map<string, EditorMark>();
  for (const mark of marks ?? []) {
    if (!(mark.type in MARK_RANK) || seen.has(mark.type)) continue;
    if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href === null) continue;
      seen.set('link', { type: 'link', attrs: { href } });
    } else {
      seen.set(mark.type, { type: mark.type });
    }
  }
  return [...seen.values()].sort((a, b) => MARK_RANK[a.type] - MARK_RANK[b.type]);
}

function sameMark(a: EditorMark, b: EditorMark): boolean {
  return a.type === b.type && (a.type !== 'link' || a.attrs?.href === b.attrs?.href);
}

function has(marks: EditorMark[], mark: EditorMark): boolean {
  return marks.some((m) => sameMark(m, mark));
}

function marksOf(node: EditorJSON | undefined): EditorMark[] {
  return node && (node.type === 'text' || node.type === 'hardBreak') ? canonicalMarks(node.marks) : [];
}

export function renderInline(nodes: EditorJSON[], writer: InlineWriter): string {
  const stack: EditorMark[] = [];
  let out = '';

  /** Closes from the first open mark the target set lacks up to the top (inner marks must close first). */
  const closeNotIn = (target: EditorMark[]) => {
    const k = stack.findIndex((m) => !has(target, m));
    if (k === -1) return;
    while (stack.length > k) out += writer.close(stack.pop()!);
  };

  /** The text the mark covers from index on, and the first character after it. */
  const spanFrom = (index: number, mark: EditorMark) => {
    let text = '';
    let j = index;
    for (; j < nodes.length && has(marksOf(nodes[j]), mark); j++) text += nodes[j].type === 'hardBreak' ? '\n' : (nodes[j].text ?? '');
    const next = nodes[j];
    if (next?.type !== 'text') return { text, after: '' };
    // After the span come, before the next text, the delimiters of marks opening there or of outer marks
    // closing there: punctuation either way (a stand-in character says so).
    const endMarks = marksOf(nodes[j - 1]);
    const nextMarks = marksOf(next);
    const opening = nextMarks.some((m) => !has(endMarks, m));
    const outerClosing = endMarks.some((m) => MARK_RANK[m.type] < MARK_RANK[mark.type] && !has(nextMarks, m));
    return { text, after: opening || outerClosing ? '*' : (next.text ?? '').charAt(0) };
  };

  nodes.forEach((node, index) => {
    const marks = marksOf(node);
    closeNotIn(marks);
    if (node.type === 'hardBreak') {
      out += writer.hardBreak();
      return;
    }
    if (node.type !== 'text') {
      out += writer.other ? writer.other(node) : '';
      return;
    }
    let text = node.text ?? '';
    const toOpen = marks.filter((m) => !has(stack, m));
    if (writer.whitespaceOutsideMarks && toOpen.length > 0 && !toOpen.some((m) => m.type === 'code')) {
      const lead = /^\s+/.exec(text)?.[0] ?? '';
      if (lead === text) {
        out += writer.text(text, stack.slice());
        return;
      }
      out += writer.text(lead, stack.slice());
      text = text.slice(lead.length);
    }
    for (const mark of toOpen) {
      const span = spanFrom(index, mark);
      // Leading whitespace already written before the delimiters is not part of the span.
      const spanText = span.text.slice((node.text ?? '').length - text.length);
      out += writer.open(mark, spanText, out.slice(-1), span.after);
      stack.push(mark);
    }
    let trail = '';
    if (writer.whitespaceOutsideMarks && !stack.some((m) => m.type === 'code')) {
      trail = /\s+$/.exec(text)?.[0] ?? '';
      text = text.slice(0, text.length - trail.length);
    }
    out += writer.text(text, stack.slice());
    if (trail !== '') {
      closeNotIn(marksOf(nodes[index + 1]));
      out += writer.text(trail, stack.slice());
    }
  });
  closeNotIn([]);
  return out;
}
