import { formatFinalizedAt, plainText, sampleDocument } from './index';

describe('plainText', () => {
  it('gives each block its own line and table cells separated by tabs', () => {
    const text = plainText(sampleDocument());
    expect(text.split('\n').slice(0, 4)).toEqual([
      '第三次专题协商会会议纪要',
      '会议由张主席主持，围绕“优化营商环境”进行协商，代码 npm test，详见政协网站。',
      '第二行文字。',
      '一、主要意见',
    ]);
    expect(text).toContain('委员\t界别\t意见\n李明\t经济界\t减税降费');
    expect(text).not.toMatch(/[<>]/);
  });

  it('is empty for an empty document', () => {
    expect(plainText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
  });
});

describe('formatFinalizedAt', () => {
  it('shows an ISO instant in the organisation time zone', () => {
    expect(formatFinalizedAt('2026-11-23T08:00:00.000Z')).toBe('2026-11-23 16:00');
    expect(formatFinalizedAt('2026-11-23T23:30:00Z', 'Asia/Shanghai')).toBe('2026-11-24 07:30');
    expect(formatFinalizedAt('2026-11-23T08:00:00Z', 'Europe/Berlin')).toBe('2026-11-23 09:00');
  });

  it('shows anything else as given', () => {
    expect(formatFinalizedAt('2026年11月23日')).toBe('2026年11月23日');
    expect(formatFinalizedAt('2026-11-23T08:00:00Z', 'Not/AZone')).toBe('2026-11-23T08:00:00Z');
  });
});
