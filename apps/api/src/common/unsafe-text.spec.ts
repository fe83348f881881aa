import { unsafeTextIssues } from './unsafe-text';

describe('unsafeTextIssues', () => {
  it('names every string PostgreSQL cannot store: NUL, unpaired high or low surrogates', () => {
    const value = { title: 'a\u0000b', nested: { list: ['ok', '\ud800', 'x\udfff'] }, fine: '协商 😀' };
    expect(unsafeTextIssues(value, 'body').map((i) => i.path)).toEqual(['body.title', 'body.nested.list.1', 'body.nested.list.2']);
  });

  it('accepts ordinary text, paired surrogates (emoji), numbers, binary and nulls', () => {
    expect(unsafeTextIssues({ a: '政协委员', b: '👍🏽', c: 1, d: null, e: new Uint8Array([0, 0xd8]), f: [true] }, 'body')).toEqual([]);
    expect(unsafeTextIssues('\ud83d\ude00', 'params')).toEqual([]);
    expect(unsafeTextIssues('\u0000', 'params')).toEqual([{ path: 'params', code: 'invalid_text', message: expect.any(String) }]);
  });
});
