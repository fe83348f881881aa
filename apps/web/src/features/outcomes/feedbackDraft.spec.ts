import { feedbackProblems, reasonField, toFeedbackInput, type FeedbackDraft } from './feedbackDraft';

const draft = (over: Partial<FeedbackDraft> = {}): FeedbackDraft => ({ adoption: 'adopted', reason: '', measures: '已纳入明年民生实事项目', attachmentIds: [], ...over });

describe('department feedback form', () => {
  it('asks for a reason only when the suggestion is not adopted', () => {
    expect(reasonField('not_adopted')).toBe('required');
    expect(reasonField('under_study')).toBe('optional');
    expect(reasonField('partly')).toBe('optional');
    expect(reasonField('adopted')).toBe('hidden');
    expect(feedbackProblems(draft({ adoption: 'not_adopted' }))).toEqual(['reasonRequired']);
    expect(feedbackProblems(draft({ adoption: 'not_adopted', reason: '与上位法冲突' }))).toEqual([]);
  });

  it('requires an answer on adoption and the measures taken', () => {
    expect(feedbackProblems(draft({ adoption: null, measures: '  ' }))).toEqual(['adoptionRequired', 'measuresRequired']);
  });

  it('drops a reason typed before switching to “adopted”, and trims what it sends', () => {
    expect(toFeedbackInput(draft({ reason: '旧理由', measures: ' 已完成 ', attachmentIds: ['a1'] }))).toEqual({ adoption: 'adopted', reason: null, measures: '已完成', attachmentIds: ['a1'] });
    expect(toFeedbackInput(draft({ adoption: 'under_study', reason: ' 正在论证 ' })).reason).toBe('正在论证');
  });
});
