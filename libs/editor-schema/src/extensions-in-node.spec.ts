import { editorExtensions, editorSchema, safeHref } from './index';

describe('editorExtensions', () => {
  it('builds the schema in Node without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(Object.keys(editorSchema.nodes)).toEqual(
      expect.arrayContaining(['doc', 'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'codeBlock', 'horizontalRule', 'hardBreak', 'table', 'tableRow', 'tableHeader', 'tableCell']),
    );
    expect(Object.keys(editorSchema.marks).sort()).toEqual(['bold', 'code', 'italic', 'link', 'strike', 'underline']);
  });

  it('is StarterKit (headings 1–3, no undo/redo: collaboration brings its own) plus TableKit', () => {
    const [starterKit, tableKit] = editorExtensions();
    expect(starterKit.name).toBe('starterKit');
    expect(tableKit.name).toBe('tableKit');
    expect(starterKit.options.undoRedo).toBe(false);
    expect(starterKit.options.heading).toEqual({ levels: [1, 2, 3] });
  });

  it('autolinks only safe protocols', () => {
    const link = editorExtensions()[0].options.link;
    expect(link.autolink).toBe(true);
    const ctx = { defaultValidate: () => true, protocols: [], defaultProtocol: 'https' };
    expect(link.isAllowedUri('https://example.org', ctx)).toBe(true);
    expect(link.isAllowedUri('mailto:a@example.org', ctx)).toBe(true);
    expect(link.isAllowedUri('javascript:alert(1)', ctx)).toBe(false);
    expect(link.shouldAutoLink('www.example.org')).toBe(true);
  });

  it('fresh extension instances each call (two editors must not share configured state)', () => {
    expect(editorExtensions()[0]).not.toBe(editorExtensions()[0]);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['  http://example.org  ', 'http://example.org'],
    ['mailto:a@example.org', 'mailto:a@example.org'],
    ['javascript:alert(1)', null],
    ['ftp://example.org', null],
    ['example.org', null],
    [42, null],
  ])('%j → %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});
