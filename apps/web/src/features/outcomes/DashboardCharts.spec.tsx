import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OutcomeStats } from '@xieshang/contracts';
import { stubFetch } from '../../test/render';
import { OFFICE_USER, SETTINGS } from '../meetings/meetingFixtures';
import { renderAt } from '../meetings/renderAt';
import { OutcomeDashboardPage } from './OutcomeDashboardPage';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const bucket = (key: string, label: string, adopted: number, partly: number, underStudy: number, notAdopted: number) => {
  const total = adopted + partly + underStudy + notAdopted;
  return { key, label, adopted, partly, under_study: underStudy, not_adopted: notAdopted, total, rate: total ? Math.round(((adopted + partly) / total) * 1000) / 1000 : 0 };
};
const STATS: OutcomeStats = {
  total: 7,
  open: 4,
  overdue: 2,
  closed: 3,
  byState: { report_sent: 1, instructed: 0, assigned: 2, feedback_received: 1, evaluated: 0, closed: 3 },
  adoptionByYear: [bucket('2025', '2025', 2, 1, 0, 0), bucket('2026', '2026', 1, 0, 1, 1)],
  adoptionByCategory: [bucket('consultation', 'consultation', 3, 1, 1, 0), bucket('supervision', 'supervision', 0, 0, 0, 1)],
  adoptionByDepartment: [bucket('d1', '市教育局', 2, 0, 0, 1)],
};

describe('outcome dashboard', () => {
  it('shows the counts and draws each adoption chart with a spoken summary and a data table', async () => {
    const { calls } = stubFetch({
      'GET /api/auth/me': () => ({ body: OFFICE_USER }),
      'GET /api/settings': () => ({ body: SETTINGS }),
      'GET /api/outcomes/stats': () => ({ body: STATS }),
    });
    renderAt([{ path: '/outcomes/dashboard', element: <OutcomeDashboardPage /> }], '/outcomes/dashboard');
    expect(await screen.findByRole('group', { name: '逾期 2' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '已办结 3' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '2' })).toHaveAttribute('href', '/outcomes?overdue=true');

    const byCategory = screen.getByRole('img', { name: /按议题类别的采纳情况/ });
    expect(byCategory).toHaveAccessibleName('按议题类别的采纳情况：协商议政采纳率 80%，共 5 件；民主监督采纳率 0%，共 1 件');
    const figure = byCategory.closest('figure')!;
    await userEvent.click(within(figure as HTMLElement).getByRole('button', { name: '查看数据表' }));
    const table = within(figure as HTMLElement).getByRole('table');
    const row = within(table).getByRole('row', { name: /协商议政/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '1', '1', '0', '5', '80%']);
    expect(calls.filter((c) => c.url.startsWith('/api/outcomes/stats'))).toHaveLength(1);
  });
});
