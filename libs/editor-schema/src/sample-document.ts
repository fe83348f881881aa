import type { EditorJSON, EditorMark } from './json';

const text = (value: string, ...marks: EditorMark[]): EditorJSON =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const para = (...content: EditorJSON[]): EditorJSON => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });
const cell = (type: 'tableHeader' | 'tableCell', value: string, attrs: Record<string, unknown> = {}): EditorJSON => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, ...attrs },
  content: [para(...(value === '' ? [] : [text(value)]))],
});

/**
 * A document using every node and mark of the schema, in Chinese, with a merged table cell: tests of
 * the Yjs round trip and of every exporter use it; handy for demos too. Attributes are spelled out in
 * full (as the editor and the Yjs round trip produce them) so it compares equal after a round trip.
 */
export function sampleDocument(): EditorJSON {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [text('第三次专题协商会会议纪要')] },
      {
        type: 'paragraph',
        content: [
          text('会议由'),
          text('张主席', { type: 'bold' }),
          text('主持，'),
          text('围绕', { type: 'italic' }),
          text('“优化营商环境”', { type: 'underline' }),
          text('进行协商，', { type: 'strike' }),
          text('代码 npm test', { type: 'code' }),
          text('，详见'),
          text('政协网站', {
            type: 'link',
            attrs: { href: 'https://www.cppcc.gov.cn/', target: '_blank', rel: 'noopener noreferrer', class: null, title: null },
          }),
          text('。'),
          { type: 'hardBreak' },
          text('第二行文字。'),
        ],
      },
      { type: 'heading', attrs: { level: 2 }, content: [text('一、主要意见')] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [para(text('加快审批流程改革'))] },
          {
            type: 'listItem',
            content: [
              para(text('完善政策兑现机制')),
              { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('建立统一服务平台'))] }] },
            ],
          },
        ],
      },
      { type: 'heading', attrs: { level: 3 }, content: [text('二、下一步工作')] },
      {
        type: 'orderedList',
        attrs: { start: 1, type: null },
        content: [
          { type: 'listItem', content: [para(text('整理委员发言'))] },
          { type: 'listItem', content: [para(text('形成协商报告'))] },
        ],
      },
      { type: 'blockquote', content: [para(text('民主协商，凝聚共识。'))] },
      { type: 'codeBlock', attrs: { language: 'text' }, content: [text('第1行\n第2行')] },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', '委员'), cell('tableHeader', '界别'), cell('tableHeader', '意见')] },
          { type: 'tableRow', content: [cell('tableCell', '李明'), cell('tableCell', '经济界'), cell('tableCell', '减税降费', { rowspan: 2 })] },
          { type: 'tableRow', content: [cell('tableCell', '王芳、赵强（联名）', { colspan: 2, colwidth: null })] },
        ],
      },
      para(),
    ],
  };
}
