/**
 * ProseMirror JSON as Tiptap's `editor.getJSON()` returns it (structurally Tiptap's JSONContent, so the
 * web can pass either). Node types: doc, paragraph, heading{level}, bulletList, orderedList{start},
 * listItem, blockquote, codeBlock{language}, horizontalRule, hardBreak, text, table, tableRow,
 * tableHeader / tableCell {colspan, rowspan, colwidth}. Marks: bold, italic, underline, strike, code, link{href}.
 */
export interface EditorMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface EditorJSON {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: EditorJSON[];
  marks?: EditorMark[];
  text?: string;
}

/** What the exporters need besides the content. */
export interface ExportMeta {
  title: string;
  subtitle?: string;
  /** An ISO timestamp with zone (shown in `timeZone`), or text shown as given. */
  finalizedAt?: string;
  /** Organisation time zone (GET /api/settings → timeZone); default Asia/Shanghai. */
  timeZone?: string;
  sha256?: string;
}

export function emptyDoc(): EditorJSON {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

export function childrenOf(node: EditorJSON): EditorJSON[] {
  return Array.isArray(node.content) ? node.content : [];
}

/**
 * An integer attribute clamped to [min, max], or the fallback. Attributes come from Yjs, which any editor
 * can fill with any JSON (objects included), so this never calls a value's own toString or valueOf.
 */
export function intAttr(node: { attrs?: Record<string, unknown> }, name: string, fallback: number, min: number, max: number): number {
  const value = node.attrs?.[name];
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min ? Math.min(n, max) : fallback;
}

export function attr<T>(node: { attrs?: Record<string, unknown> }, name: string, fallback: T): T {
  const value = node.attrs?.[name];
  return value === undefined || value === null ? fallback : (value as T);
}
