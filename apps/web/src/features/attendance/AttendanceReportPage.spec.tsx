import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MemberAttendance } from '@xieshang/contracts';
import { renderPage, stubFetch } from '../../test/render';
import { AttendanceReportPage } from './AttendanceReportPage';
import { sessionUser, settings } from './testData';

const row = (n: number, name: string, present: number, excused: number, absent: number): MemberAttendance => ({
  userId: `66666666-6666-4666-8666-${String(n).padStart(12, '0')}`,
  name,
  sectorName: '经济界',
  invited: present + excused + absent,
  present,
  excused,
  absent,
  rate: present / (present + excused + absent),
});
const rows = [row(1, '李委员', 7, 1, 0), row(2, '王委员', 3, 1, 2), row(3, '赵委员', 6, 0, 0)];

function setup() {
  return stubFetch({
    'GET /api/auth/me': () => ({ body: sessionUser(['admin']) }),
    'GET /api/settings': () => ({ body: settings }),
    'GET /api/org/sectors': () => ({ body: [] }),
    'GET /api/org/committees': () => ({ body: [] }),
    'GET /api/attendance/members': () => ({ body: { items: rows, total: rows.length, page: 1, pageSize: 200 } }),
    'GET /api/attendance/members/export': () => ({ body: 'name,rate', headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="attendance.csv"' } }),
  });
}

const bodyRows = () => within(screen.getAllByRole('rowgroup')[1]).getAllByRole('row');

// Mantine's first render is slow on a busy 2-core CI machine; 5 s is too tight there.
jest.setTimeout(20_000);

describe('AttendanceReportPage', () => {
  beforeEach(() => {
    URL.createObjectURL = jest.fn(() => 'blob:attendance');
    URL.revokeObjectURL = jest.fn();
    // jsdom cannot navigate to a blob; the click itself is what the download helper does.
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows each member’s rate as a percent, lowest first, and sorts by a column', async () => {
    setup();
    renderPage(<AttendanceReportPage />);
    expect(await screen.findByText('87.5%')).toBeInTheDocument();
    expect(screen.getByText('50%')).toBeInTheDocument();
    expect(screen.getByText('100%')).toBeInTheDocument();
    expect(bodyRows().map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['王委员', '李委员', '赵委员']);

    await userEvent.click(screen.getByRole('button', { name: '按出勤率排序' }));
    expect(bodyRows().map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['赵委员', '李委员', '王委员']);
    expect(screen.getByRole('columnheader', { name: /出勤率/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('asks the api for the selected year and exports it as CSV', async () => {
    const { calls } = setup();
    renderPage(<AttendanceReportPage />);
    await screen.findByText('87.5%');
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    expect(calls.find((c) => c.url.startsWith('/api/attendance/members?'))?.url).toContain(`year=${year}`);

    await userEvent.click(screen.getByRole('button', { name: '导出出勤统计（CSV）' }));
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/attendance/members/export'))).toBe(true));
    const exportUrl = new URL(calls.find((c) => c.url.startsWith('/api/attendance/members/export'))!.url, 'http://x');
    expect(Object.fromEntries(exportUrl.searchParams)).toEqual({ year, format: 'csv' });
    await waitFor(() => expect(HTMLAnchorElement.prototype.click).toHaveBeenCalled());
  });
});
