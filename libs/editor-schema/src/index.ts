/**
 * The one editor schema: the web editor (Tiptap) and the api (Yjs → ProseMirror JSON → HTML, Markdown,
 * DOCX, PDF) build it from the same extension list, so an export shows exactly what editors saw.
 */
export const YJS_FRAGMENT = 'default';
