import JSZip from 'jszip';
import { sampleDocument, type EditorJSON } from '@xieshang/editor-schema';
import { renderDocx } from './render-docx';

async function unzip(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} missing from the .docx`);
    return file.async('string');
  };
  return { zip, read };
}

const meta = { title: '第三次专题协商会会议纪要', subtitle: '政协某某市委员会办公室', finalizedAt: '2026-11-23T08:00:00Z', sha256: 'ab'.repeat(32) };

describe('renderDocx', () => {
  it('is a Word file whose document.xml holds the Chinese text, marks, lists and a merged-cell table', async () => {
    const buffer = await renderDocx(sampleDocument(), meta);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const { read } = await unzip(buffer);
    const xml = await read('word/document.xml');

    expect(xml).toContain('第三次专题协商会会议纪要');
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
    expect(xml).toMatch(/<w:b\/>.*张主席/);
    expect(xml).toMatch(/<w:i\/>.*围绕/);
    expect(xml).toMatch(/<w:u w:val="single"\/>.*“优化营商环境”/);
    expect(xml).toMatch(/<w:strike\/>.*进行协商，/);
    expect(xml).toContain('<w:br/>');
    // Lists: bullets and a numbered list (numbering.xml defines the numbers).
    expect(xml).toContain('<w:numPr>');
    expect(await read('word/numbering.xml')).toContain('w:val="decimal"');
    // The table with a header row, a column span and a row span.
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect(xml).toContain('王芳、赵强（联名）');
    // Finalized copy facts, in the organisation's zone.
    expect(xml).toContain('定稿时间：2026-11-23 16:00');
    expect(xml).toContain(`SHA-256：${'ab'.repeat(32)}`);
  });

  it('links to safe URLs only', async () => {
    const doc: EditorJSON = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '好', marks: [{ type: 'link', attrs: { href: 'https://www.cppcc.gov.cn/' } }] },
            { type: 'text', text: '坏', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
      ],
    };
    const { read } = await unzip(await renderDocx(doc, { title: 't' }));
    const xml = await read('word/document.xml');
    const rels = await read('word/_rels/document.xml.rels');
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"/);
    expect(rels).toContain('Target="https://www.cppcc.gov.cn/" TargetMode="External"');
    expect(rels + xml).not.toContain('javascript:');
    expect(xml).toContain('坏');
  });

  it('sets East-Asian font names so Word shows Chinese in 仿宋 / 黑体 / 楷体 / 宋体', async () => {
    const { read } = await unzip(await renderDocx(sampleDocument(), meta));
    const styles = await read('word/styles.xml');
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="楷体"');
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:ascii="Times New Roman"');
  });

  it('escapes text into valid XML', async () => {
    const doc: EditorJSON = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<script>&"' }] }] };
    const { read } = await unzip(await renderDocx(doc, { title: 'A & B <c>' }));
    const xml = await read('word/document.xml');
    expect(xml).toContain('&lt;script&gt;&amp;');
    expect(xml).toContain('A &amp; B &lt;c&gt;');
    expect(xml).not.toContain('<script>');
  });

  it('numbers pages in the footer', async () => {
    const { zip, read } = await unzip(await renderDocx(sampleDocument(), { title: 't' }));
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    const footer = await read(footers[0]);
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });

  it('renders an empty document', async () => {
    const { read } = await unzip(await renderDocx({ type: 'doc', content: [{ type: 'paragraph' }] }, { title: '空白' }));
    expect(await read('word/document.xml')).toContain('空白');
  });
});
