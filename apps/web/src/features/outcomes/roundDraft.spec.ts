import { roundProblems, toRoundInput, type RoundDraft } from './roundDraft';

const draft = (over: Partial<RoundDraft> = {}): RoundDraft => ({ cadence: 'immediate', leadId: 'd-lead', leadDeadline: '2026-12-31', assisting: [], comment: '', ...over });

describe('assign and follow-up form', () => {
  it('sends one lead and the assisting departments, each with its own deadline or the lead’s', () => {
    const input = toRoundInput(draft({ cadence: 'quarterly', assisting: [{ departmentId: 'd-a', deadline: '2027-01-15' }, { departmentId: 'd-b', deadline: '' }], comment: ' 请按期反馈 ' }));
    expect(input).toEqual({
      cadence: 'quarterly',
      comment: '请按期反馈',
      assignments: [
        { departmentId: 'd-lead', role: 'lead', deadline: '2026-12-31' },
        { departmentId: 'd-a', role: 'assisting', deadline: '2027-01-15' },
        { departmentId: 'd-b', role: 'assisting', deadline: '2026-12-31' },
      ],
    });
  });

  it('never sends a department twice', () => {
    const input = toRoundInput(draft({ assisting: [{ departmentId: 'd-lead', deadline: '' }, { departmentId: 'd-a', deadline: '' }, { departmentId: 'd-a', deadline: '' }] }));
    expect(input.assignments.map((a) => a.departmentId)).toEqual(['d-lead', 'd-a']);
  });

  it('names what is missing: the lead department and its deadline; a lead cannot also assist', () => {
    expect(roundProblems(draft())).toEqual([]);
    expect(roundProblems(draft({ leadId: null, leadDeadline: '' }))).toEqual(['leadRequired', 'deadlineRequired']);
    expect(roundProblems(draft({ assisting: [{ departmentId: 'd-lead', deadline: '' }] }))).toEqual(['assistingNotLead']);
  });
});
