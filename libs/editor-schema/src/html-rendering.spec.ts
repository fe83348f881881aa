import fc from 'fast-check';
import { renderHtml, renderHtmlPage, sampleDocument, type EditorJSON } from './index';

const doc = (...content: EditorJSON[]): EditorJSON => ({ type: 'doc', content });
const p = (...content: EditorJSON[]): EditorJSON => ({ type: 'paragraph', content });
const linked = (text: string, href: string): EditorJSON => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });

describe('renderHtml', () => {
  it('renders headings, marks, lists, quotes, code, rules and tables with spans', () => {
    const html = renderHtml(sampleDocument());
    expect(html).toContain('<h1>第三次专题协商会会议纪要</h1>');
    expect(html).toContain('<strong>张主席</strong>');
    expect(html).toContain('<em>围绕</em><u>“优化营商环境”</u><s>进行协商，</s><code>代码 npm test</code>');
    expect(html).toContain('<a href="https://www.cppcc.gov.cn/" rel="noopener noreferrer">政协网站</a>');
    expect(html).toContain('<br>第二行文字。');
    expect(html).toContain('<ul><li><p>加快审批流程改革</p></li><li><p>完善政策兑现机制</p><ul><li>');
    expect(html).toContain('<ol><li><p>整理委员发言</p></li>');
    expect(html).toContain('<blockquote><p>民主协商，凝聚共识。</p></blockquote>');
    expect(html).toContain('<pre><code class="language-text">第1行\n第2行</code></pre>');
    expect(html).toContain('<hr>');
    expect(html).toContain('<tr><th><p>委员</p></th>');
    expect(html).toContain('<td rowspan="2"><p>减税降费</p></td>');
    expect(html).toContain('<td colspan="2"><p>王芳、赵强（联名）</p></td>');
  });

  it('keeps a mark open across neighbouring text nodes', () => {
    const html = renderHtml(
      doc(p({ type: 'text', text: 'a', marks: [{ type: 'bold' }] }, { type: 'text', text: 'b', marks: [{ type: 'bold' }, { type: 'italic' }] }, { type: 'text', text: 'c', marks: [{ type: 'bold' }] })),
    );
    expect(html).toBe('<p><strong>a<em>b</em>c</strong></p>');
  });

  it('escapes text, so <script> stays text', () => {
    const html = renderHtml(doc(p({ type: 'text', text: '<script>alert("x")</script> & \'q\'' })));
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    '/relative/path',
    '//evil.example/x',
    '',
  ])('drops the link %j but keeps its text', (href) => {
    const html = renderHtml(doc(p(linked('点击', href))));
    expect(html).toBe('<p>点击</p>');
  });

  it('escapes quotes inside an allowed href (no attribute injection)', () => {
    const html = renderHtml(doc(p(linked('x', 'https://example.org/"onmouseover="alert(1)'))));
    expect(html).toBe('<p><a href="https://example.org/&quot;onmouseover=&quot;alert(1)" rel="noopener noreferrer">x</a></p>');
  });

  it('keeps mailto links and only ever writes href and rel on them', () => {
    const html = renderHtml(
      doc(p({ type: 'text', text: '来信', marks: [{ type: 'link', attrs: { href: 'mailto:office@example.org', target: '_top', class: 'x" onclick="y', title: 't' } }] })),
    );
    expect(html).toBe('<p><a href="mailto:office@example.org" rel="noopener noreferrer">来信</a></p>');
  });

  it('never writes markup of unknown nodes or marks, only their escaped text', () => {
    const html = renderHtml(
      doc({ type: 'iframe', attrs: { src: 'https://evil.example' }, content: [p({ type: 'text', text: '<b>x</b>', marks: [{ type: 'onclick' }] })] }),
    );
    expect(html).toBe('<p>&lt;b&gt;x&lt;/b&gt;</p>');
  });

  it('sanitises attributes it writes (heading level, spans, start, code language)', () => {
    const html = renderHtml(
      doc(
        { type: 'heading', attrs: { level: '1 onclick=x' }, content: [{ type: 'text', text: 'h' }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p({ type: 'text', text: 'i' })] }] },
        { type: 'codeBlock', attrs: { language: '"><script>' }, content: [{ type: 'text', text: '<x>' }] },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: '2" onclick="x', rowspan: 1 }, content: [p()] }] }] },
      ),
    );
    expect(html).toBe(
      '<h1>h</h1>\n<ol start="3"><li><p>i</p></li></ol>\n<pre><code>&lt;x&gt;</code></pre>\n<table><tbody><tr><td><p></p></td></tr></tbody></table>',
    );
  });

  it('writes no markup but its own for any text, link or attribute values', () => {
    const known = /<\/?(p|h[1-6]|ul|ol|li|blockquote|pre|code|hr|br|table|tbody|tr|th|td|strong|em|u|s)>|<(ol start="\d+"|(td|th)( colspan="\d+")?( rowspan="\d+")?|a href="[^"<>]*" rel="noopener noreferrer")>|<\/a>/g;
    const markArb = fc.record({ type: fc.constantFrom('bold', 'italic', 'link', 'code', 'evil'), attrs: fc.record({ href: fc.string() }) });
    fc.assert(
      fc.property(fc.string(), fc.array(markArb, { maxLength: 3 }), fc.anything(), (text, marks, level) => {
        const html = renderHtml(
          doc(
            { type: 'heading', attrs: { level }, content: [{ type: 'text', text: text || 'x', marks }] },
            { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: level, rowspan: text }, content: [p({ type: 'text', text: text || 'y' })] }] }] },
          ),
        );
        const rest = html.replace(known, '');
        expect(rest).not.toMatch(/[<>]/);
        expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic (the finalized copy is hashed)', () => {
    expect(renderHtml(sampleDocument())).toBe(renderHtml(sampleDocument()));
    const meta = { title: '纪要', subtitle: '第三次专题协商会', finalizedAt: '2026-11-23 16:00' };
    expect(renderHtmlPage(sampleDocument(), meta)).toBe(renderHtmlPage(sampleDocument(), meta));
  });
});

describe('renderHtmlPage', () => {
  it('is a standalone UTF-8 page with escaped title, print CSS and the given meta', () => {
    const page = renderHtmlPage(sampleDocument(), {
      title: '纪要 <script>',
      subtitle: '2026年11月',
      finalizedAt: '2026-11-23 16:00',
      sha256: 'ab'.repeat(32),
    });
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(page).toContain('<title>纪要 &lt;script&gt;</title>');
    expect(page).toContain('@page { size: A4;');
    expect(page).toContain('@media print');
    expect(page).toContain('<h1 class="doc-title">纪要 &lt;script&gt;</h1><p class="doc-subtitle">2026年11月</p>');
    expect(page).toContain('<footer class="doc-meta"><p>定稿时间：2026-11-23 16:00</p>');
    expect(page).toContain(`SHA-256：${'ab'.repeat(32)}`);
    expect(page).toContain(renderHtml(sampleDocument()));
    expect(page).not.toContain('<script>');
  });

  it('leaves out the footer when there is nothing to say', () => {
    expect(renderHtmlPage(sampleDocument(), { title: 't' })).not.toContain('<footer');
  });
});
