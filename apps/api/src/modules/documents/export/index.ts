/** DOCX and PDF renderings of a document (Node only; HTML and Markdown live in @xieshang/editor-schema). */
export { renderDocx } from './render-docx';
export { renderPdf } from './render-pdf';
