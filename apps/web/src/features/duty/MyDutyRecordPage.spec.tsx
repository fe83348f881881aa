import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, stubFetch } from '../../test/render';
import { sessionUser, settings } from '../attendance/testData';
import { MyDutyRecordPage } from './MyDutyRecordPage';
import { dutyRecord } from './testData';

// Mantine's first render is slow on a busy 2-core CI machine; 5 s is too tight there.
jest.setTimeout(20_000);
// The first render of a Mantine page can take over a second there too.
configure({ asyncUtilTimeout: 5000 });

describe('MyDutyRecordPage', () => {
  it('shows the score, its parts and every line linking to its source', async () => {
    stubFetch({
      'GET /api/auth/me': () => ({ body: sessionUser(['member']) }),
      'GET /api/settings': () => ({ body: settings }),
      'GET /api/duty/me': () => ({ body: dutyRecord() }),
    });
    renderPage(<MyDutyRecordPage />);
    expect(await screen.findByTestId('duty-total')).toHaveTextContent('52.5');
    expect(screen.getByText('+12.5')).toBeInTheDocument();
    expect(screen.getByText('部分加分已达上限')).toBeInTheDocument();

    const lines = within(screen.getByRole('list', { name: '履职记录明细' })).getAllByRole('listitem');
    // Newest first.
    expect(lines.map((li) => within(li).getByLabelText(/ 分$/).textContent)).toEqual(['+3', '0', '+8', '−30']);
    expect(within(lines[3]).getByRole('link', { name: '市政协十四届五次全体会议' })).toHaveAttribute('href', '/meetings/m-plenary');
    expect(within(lines[3]).getByText('· 全体会议')).toBeInTheDocument();
    expect(within(lines[2]).getByRole('link', { name: '关于优化营商环境的发言' })).toHaveAttribute('href', '/meetings/m-plenary');
    expect(within(lines[1]).getByRole('link', { name: '加快老旧小区加装电梯' })).toHaveAttribute('href', '/topics/t1');
    expect(within(lines[1]).getByText('单项已达上限')).toBeInTheDocument();
    // A manual entry shows the office's reason and links nowhere.
    expect(within(lines[0]).getByText('调研报告获批示')).toBeInTheDocument();
    expect(within(lines[0]).queryByRole('link')).toBeNull();
  });

  it('asks for this year in the organisation’s zone, then for the year chosen', async () => {
    const { calls } = stubFetch({
      'GET /api/auth/me': () => ({ body: sessionUser(['member']) }),
      'GET /api/settings': () => ({ body: settings }),
      'GET /api/duty/me': (url) => ({ body: dutyRecord({ year: Number(new URL(url, 'http://x').searchParams.get('year')), lines: [], kinds: [] }) }),
    });
    renderPage(<MyDutyRecordPage />);
    expect(await screen.findByText('本年度暂无履职记录。')).toBeInTheDocument();
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    expect(calls.filter((c) => c.url.startsWith('/api/duty/me')).map((c) => c.url)).toEqual([`/api/duty/me?year=${year}`]);

    await userEvent.click(screen.getByRole('combobox', { name: '年度' }));
    await userEvent.click(await screen.findByRole('option', { name: String(year - 1), hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.url === `/api/duty/me?year=${year - 1}`)).toBe(true));
  });
});
