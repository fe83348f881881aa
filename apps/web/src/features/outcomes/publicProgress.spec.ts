import { milestoneDates, progressStep } from './publicProgress';

describe('public progress', () => {
  it('places each state along the six steps of the flow', () => {
    expect(progressStep('report_sent')).toEqual({ step: 1, of: 6 });
    expect(progressStep('closed')).toEqual({ step: 6, of: 6 });
  });

  it('keeps the latest date of a state reached again in a follow-up round', () => {
    const dates = milestoneDates([
      { action: 'assign', toState: 'assigned', at: '2026-03-01T00:00:00Z' },
      { action: 'send', toState: 'report_sent', at: '2026-02-01T00:00:00Z' },
      { action: 'follow_up', toState: 'assigned', at: '2026-10-01T00:00:00Z' },
    ]);
    expect(dates).toEqual({ report_sent: '2026-02-01T00:00:00Z', assigned: '2026-10-01T00:00:00Z' });
  });
});
