/**
 * The one editor schema: the web editor (Tiptap) and the api (Yjs → ProseMirror JSON → HTML, Markdown,
 * DOCX, PDF) build it from the same extension list, so an export shows exactly what editors saw.
 * Works in Node (no DOM) and in the browser.
 */
export { editorExtensions, editorSchema } from './extensions';
export { YJS_FRAGMENT, docToJSON, jsonToNode, jsonToUpdate, replaceContent } from './yjs';
export { plainText } from './plain-text';
export { escapeHtml, renderHtml, renderHtmlPage } from './html';
export { renderMarkdown } from './markdown';
export { safeHref, SAFE_LINK_PROTOCOLS } from './safe-url';
export { emptyDoc, intAttr, type EditorJSON, type EditorMark, type ExportMeta } from './json';
export { sampleDocument } from './sample-document';
export { canonicalMarks } from './inline';
export { formatFinalizedAt, finalizedLines } from './meta';
