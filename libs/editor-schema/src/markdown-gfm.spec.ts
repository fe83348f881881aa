import { renderMarkdown, sampleDocument, type EditorJSON } from './index';

const doc = (...content: EditorJSON[]): EditorJSON => ({ type: 'doc', content });
const p = (...content: EditorJSON[]): EditorJSON => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]): EditorJSON => (marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text });
const cell = (type: string, text: string, attrs: Record<string, unknown> = {}): EditorJSON => ({ type, attrs, content: [p(t(text))] });

describe('renderMarkdown', () => {
  it('renders the sample document as GFM', () => {
    expect(renderMarkdown(sampleDocument())).toBe(
      [
        '# 第三次专题协商会会议纪要',
        '',
        '会议由**张主席**主持，*围绕*<u>“优化营商环境”</u>~~进行协商，~~`代码 npm test`，详见[政协网站](https://www.cppcc.gov.cn/)。\\',
        '第二行文字。',
        '',
        '## 一、主要意见',
        '',
        '- 加快审批流程改革',
        '- 完善政策兑现机制',
        '  - 建立统一服务平台',
        '',
        '### 二、下一步工作',
        '',
        '1. 整理委员发言',
        '2. 形成协商报告',
        '',
        '> 民主协商，凝聚共识。',
        '',
        '```text',
        '第1行',
        '第2行',
        '```',
        '',
        '---',
        '',
        '| 委员 | 界别 | 意见 |',
        '| --- | --- | --- |',
        '| 李明 | 经济界 | 减税降费 |',
        '| 王芳、赵强（联名） |  |  |',
        '',
      ].join('\n'),
    );
  });

  it('writes pipe tables with escaped pipes, line breaks as <br> and alignment', () => {
    const table: EditorJSON = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'a|b', { align: 'center' }), cell('tableHeader', '数量', { align: 'right' })] },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [p(t('第一行'), { type: 'hardBreak' }, t('第二行')), p(t('另一段'))] },
            cell('tableCell', '`x|y`'),
          ],
        },
      ],
    };
    expect(renderMarkdown(doc(table))).toBe(
      ['| a\\|b | 数量 |', '| :---: | ---: |', '| 第一行<br>第二行<br>另一段 | \\`x\\|y\\` |', ''].join('\n'),
    );
  });

  it('pads cells a merged cell covers, so every row has the same width', () => {
    const table: EditorJSON = {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableCell', '甲', { colspan: 2 }), cell('tableCell', '乙', { rowspan: 2 })] },
        { type: 'tableRow', content: [cell('tableCell', '丙'), cell('tableCell', '丁')] },
      ],
    };
    expect(renderMarkdown(doc(table))).toBe(['| 甲 |  | 乙 |', '| --- | --- | --- |', '| 丙 | 丁 |  |', ''].join('\n'));
  });

  it('escapes Markdown syntax in text so it reads back as text', () => {
    const md = renderMarkdown(
      doc(
        p(t('# 不是标题')),
        p(t('1. 不是列表')),
        p(t('- 也不是')),
        p(t('*不是强调* _x_ [不是链接](http://x) <b>不是标签</b> a|b ~~c~~ `d` \\e &amp;')),
        p(t('    不是代码块')),
      ),
    );
    expect(md).toBe(
      [
        '\\# 不是标题',
        '',
        '1\\. 不是列表',
        '',
        '\\- 也不是',
        '',
        '\\*不是强调\\* \\_x\\_ \\[不是链接\\](http://x) \\<b\\>不是标签\\</b\\> a\\|b \\~\\~c\\~\\~ \\`d\\` \\\\e \\&amp;',
        '',
        '&#32;&#32;&#32;&#32;不是代码块',
        '',
      ].join('\n'),
    );
  });

  it('keeps spaces outside emphasis delimiters and picks code fences longer than the content', () => {
    const md = renderMarkdown(doc(p(t('粗体 ', 'bold'), t('正文 '), t('a`b', 'code'), t(' '), t('`', 'code'))));
    expect(md).toBe('**粗体** 正文 ``a`b`` `` ` ``\n');
  });

  it('falls back to HTML tags where CommonMark would not see emphasis (Chinese punctuation next to letters)', () => {
    const md = renderMarkdown(
      doc(
        p(t('主持人：', 'bold'), t('张三')),
        p(t('会议'), t('（草案）', 'italic'), t('稿')),
        p(t('时间', 'bold'), t('：下午')),
        p(t('删除', 'strike'), t('。')),
      ),
    );
    expect(md).toBe('<strong>主持人：</strong>张三\n\n会议<em>（草案）</em>稿\n\n**时间**：下午\n\n~~删除~~。\n');
  });

  it('writes links only for safe URLs, encoding characters that would end the destination', () => {
    const md = renderMarkdown(
      doc(
        p({ type: 'text', text: '坏链接', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }),
        p({ type: 'text', text: '好链接', marks: [{ type: 'link', attrs: { href: 'https://example.org/a b(c)' } }] }),
      ),
    );
    expect(md).toBe('坏链接\n\n[好链接](https://example.org/a%20b%28c%29)\n');
  });

  it('fences code blocks with more backticks than they contain', () => {
    const md = renderMarkdown(doc({ type: 'codeBlock', attrs: { language: null }, content: [t('```\ncode\n```')] }));
    expect(md).toBe('````\n```\ncode\n```\n````\n');
  });

  it('renders an empty document as an empty string', () => {
    expect(renderMarkdown(doc(p()))).toBe('');
  });
});
