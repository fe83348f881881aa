import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DutyRanking } from '@xieshang/contracts';
import { renderPage, stubFetch } from '../../test/render';
import { sessionUser, settings } from '../attendance/testData';
import { DutyRecordsPage } from './DutyRecordsPage';
import { dutyRecord, MEMBER_ID } from './testData';

jest.setTimeout(20_000);
// The first render of a Mantine page can take over a second there too.
configure({ asyncUtilTimeout: 5000 });

const OTHER_ID = '44444444-4444-4444-8444-444444444444';
const ranking = (year: number): DutyRanking => ({
  year,
  rulesVersion: 0,
  items: [
    { rank: 1, userId: OTHER_ID, name: '王委员', sectorName: '教育界', committeeName: null, score: { base: 70, bonus: 20, deductions: 0, total: 90, capped: false }, kinds: [] },
    { rank: 2, userId: MEMBER_ID, name: '李委员', sectorName: '经济界', committeeName: '经济委员会', score: { base: 70, bonus: 12.5, deductions: 30, total: 52.5, capped: true }, kinds: [] },
  ],
});

describe('DutyRecordsPage', () => {
  beforeEach(() => {
    URL.createObjectURL = jest.fn(() => 'blob:duty');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  function setup() {
    const entries: Array<Record<string, unknown>> = [];
    const stub = stubFetch({
      'GET /api/auth/me': () => ({ body: sessionUser(['admin']) }),
      'GET /api/settings': () => ({ body: settings }),
      'GET /api/org/sectors': () => ({ body: [] }),
      'GET /api/org/committees': () => ({ body: [] }),
      'GET /api/duty/ranking': (url) => ({ body: ranking(Number(new URL(url, 'http://x').searchParams.get('year'))) }),
      'GET /api/duty/ranking/export': () => ({ body: 'x', headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="duty.csv"' } }),
      [`GET /api/duty/members/${MEMBER_ID}`]: () => ({ body: dutyRecord() }),
      'GET /api/duty/entries': () => ({ body: entries }),
      'POST /api/duty/entries': (_url, init) => {
        const body = JSON.parse(String(init.body));
        entries.push({ id: '99999999-9999-4999-8999-999999999999', userName: '李委员', occurredOn: '2026-11-23', createdByName: '办公室', createdAt: '2026-11-23T02:00:00.000Z', ...body });
        return { body: entries.at(-1) };
      },
      'POST /api/duty/entries/99999999-9999-4999-8999-999999999999/withdraw': () => {
        entries.pop();
        return { body: { ok: true } };
      },
    });
    return stub;
  }

  it('ranks members by score and exports the year shown as CSV', async () => {
    const { calls } = setup();
    renderPage(<DutyRecordsPage />);
    const table = await screen.findByRole('table', { name: '委员履职档案' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['王委员', '李委员']);
    expect(within(rows[1]).getByText('52.5')).toBeInTheDocument();
    expect(within(rows[1]).getByText('−30')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '履职积分表（CSV）' }));
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/duty/ranking/export'))).toBe(true));
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    expect(Object.fromEntries(new URL(calls.find((c) => c.url.startsWith('/api/duty/ranking/export'))!.url, 'http://x').searchParams)).toEqual({ year, format: 'csv' });
  });

  it('opens a member’s record and adds an office entry with a reason', async () => {
    const { calls } = setup();
    renderPage(<DutyRecordsPage />);
    await userEvent.click(await screen.findByRole('button', { name: '查看李委员的履职档案' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByTestId('duty-total')).toHaveTextContent('52.5');
    // the entries come from their own query: wait for it, it may land after the total
    expect(await within(drawer).findByText('暂无加减分记录。')).toBeInTheDocument();

    const add = within(drawer).getByRole('button', { name: '添加' });
    expect(add).toBeDisabled();
    await userEvent.type(within(drawer).getByLabelText(/分值/), '2');
    expect(add).toBeDisabled();
    await userEvent.type(within(drawer).getByLabelText('事由'), '牵头完成重点调研课题');
    await waitFor(() => expect(add).toBeEnabled());
    await userEvent.click(add);

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(JSON.parse(String(calls.find((c) => c.method === 'POST' && c.url === '/api/duty/entries')!.init.body))).toEqual({ userId: MEMBER_ID, year: Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())), points: 2, reason: '牵头完成重点调研课题' });
    // Withdrawing asks for a reason first.
    await userEvent.click(await within(drawer).findByRole('button', { name: '撤销加减分：牵头完成重点调研课题' }));
    const confirm = within(drawer).getByRole('button', { name: '确认撤销' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(drawer).getByLabelText('撤销事由'), '录入有误');
    await userEvent.click(confirm);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/withdraw'))).toBe(true));
    expect(JSON.parse(String(calls.find((c) => c.url.endsWith('/withdraw'))!.init.body))).toEqual({ reason: '录入有误' });
  });
});
