import fc from 'fast-check';
import { renderHtml, renderMarkdown, type EditorJSON } from '@xieshang/editor-schema';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

/**
 * Node attributes come from Yjs, where any editor can store any JSON: an object whose toString is not a
 * function made `Number(attr)` throw and an export fail (found by the HTML property test in CI).
 */
const hostile = fc.oneof(
  fc.anything(),
  fc.constant({ toString: false }),
  fc.constant({ valueOf: null, toString: null }),
  fc.constant('１２'),
  fc.constant(' 99999999999999999999 '),
  fc.constant(-3),
  fc.constant(Number.NaN),
);

function documentWith(value: unknown): EditorJSON {
  const cell = (type: string) => ({
    type,
    attrs: { colspan: value, rowspan: value, colwidth: value, align: value },
    content: [{ type: 'paragraph', content: [{ type: 'text', text: '单元格' }] }],
  });
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: value }, content: [{ type: 'text', text: '标题' }] },
      { type: 'orderedList', attrs: { start: value }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '一项' }] }] }] },
      { type: 'codeBlock', attrs: { language: value }, content: [{ type: 'text', text: 'x' }] },
      { type: 'table', content: [{ type: 'tableRow', content: [cell('tableHeader'), cell('tableCell')] }] },
    ],
  } as EditorJSON;
}

const meta = { title: '纪要', finalizedAt: '2026-11-23T08:00:00Z' };

describe('exports with hostile node attributes', () => {
  it('render HTML and Markdown for any attribute value', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        expect(renderHtml(documentWith(value))).toContain('标题');
        expect(renderMarkdown(documentWith(value))).toContain('标题');
      }),
      { numRuns: 300 },
    );
  });

  it('render DOCX and PDF for any attribute value', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        const [docx, pdf] = await Promise.all([renderDocx(documentWith(value), meta), renderPdf(documentWith(value), meta)]);
        expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
