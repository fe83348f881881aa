import { canonicalMarks, type EditorJSON } from '@xieshang/editor-schema';

/** A run of text with its formatting, or a line break: what DOCX runs and PDF text calls are made of. */
export type InlineSegment =
  | {
      kind: 'text';
      text: string;
      bold: boolean;
      italic: boolean;
      underline: boolean;
      strike: boolean;
      code: boolean;
      /** Only safe (http/https/mailto) links survive canonicalMarks. */
      href: string | null;
    }
  | { kind: 'break' };

export function inlineSegments(nodes: EditorJSON[] | undefined): InlineSegment[] {
  const segments: InlineSegment[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      segments.push({ kind: 'break' });
      continue;
    }
    // Unknown inline nodes (a newer client's) keep their text, if any.
    const text = node.text ?? '';
    if (text === '') continue;
    const marks = new Map(canonicalMarks(node.marks).map((m) => [m.type, m]));
    segments.push({
      kind: 'text',
      text,
      bold: marks.has('bold'),
      italic: marks.has('italic'),
      underline: marks.has('underline'),
      strike: marks.has('strike'),
      code: marks.has('code'),
      href: (marks.get('link')?.attrs?.href as string | undefined) ?? null,
    });
  }
  return segments;
}
