import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, stubFetch } from '../../test/render';
import { CalendarFeedCard } from './CalendarFeedCard';

const FIRST = 'https://xs.example.org/api/calendar/feed/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/meetings.ics';
const SECOND = 'https://xs.example.org/api/calendar/feed/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB/meetings.ics';

/** The feed routes with the server's behaviour: POST creates or replaces, DELETE turns off. */
function feedServer() {
  const tokens = [FIRST, SECOND];
  let url: string | null = null;
  const feed = () => ({ url, createdAt: url ? '2026-11-22T08:00:00.000Z' : null });
  return stubFetch({
    'GET /api/calendar/feed': () => ({ body: feed() }),
    'POST /api/calendar/feed': () => {
      url = tokens.shift()!;
      return { body: feed() };
    },
    'DELETE /api/calendar/feed': () => {
      url = null;
      return { body: { ok: true } };
    },
  });
}

describe('calendar feed card', () => {
  it('turns the feed on, copies the link and offers it to calendar apps', async () => {
    const { calls } = feedServer();
    const user = userEvent.setup();
    renderPage(<CalendarFeedCard />);
    expect(await screen.findByRole('region', { name: '日历订阅' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: '开启日历订阅' }));
    const input = await screen.findByRole('textbox', { name: '订阅链接' });
    expect(input).toHaveValue(FIRST);
    expect(input).toHaveAttribute('readonly');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '复制链接' }));
    expect(await screen.findByRole('button', { name: '已复制' })).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(FIRST);
    expect(screen.getByRole('link', { name: '在日历应用中打开' })).toHaveAttribute('href', FIRST.replace('https:', 'webcal:'));
  });

  it('explains how to subscribe in Outlook, Apple Calendar and Google Calendar', async () => {
    feedServer();
    const user = userEvent.setup();
    renderPage(<CalendarFeedCard />);
    const howTo = await screen.findByRole('button', { name: '如何订阅' });
    await user.click(howTo);
    expect(howTo).toHaveAttribute('aria-expanded', 'true');
    // the panel opens with an animation
    await waitFor(() => expect(screen.getByText('Outlook')).toBeVisible());
    expect(screen.getByText('苹果日历（iPhone、Mac）')).toBeInTheDocument();
    expect(screen.getByText('Google 日历')).toBeInTheDocument();
  });

  it('replaces the link only after a warning that the old one stops working', async () => {
    const { calls } = feedServer();
    const user = userEvent.setup();
    renderPage(<CalendarFeedCard />);
    await user.click(await screen.findByRole('button', { name: '开启日历订阅' }));
    await screen.findByDisplayValue(FIRST);

    await user.click(screen.getByRole('button', { name: '更换链接' }));
    const dialog = await screen.findByRole('dialog', { name: '更换订阅链接？' });
    expect(dialog).toHaveTextContent('旧链接立即失效');
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '更换链接' }));
    await user.click(within(await screen.findByRole('dialog', { name: '更换订阅链接？' })).getByRole('button', { name: '更换链接' }));
    expect(await screen.findByDisplayValue(SECOND)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('turns the feed off after confirmation', async () => {
    const { calls } = feedServer();
    const user = userEvent.setup();
    renderPage(<CalendarFeedCard />);
    await user.click(await screen.findByRole('button', { name: '开启日历订阅' }));
    await screen.findByDisplayValue(FIRST);
    await user.click(screen.getByRole('button', { name: '关闭订阅' }));
    const dialog = await screen.findByRole('dialog', { name: '关闭日历订阅？' });
    await user.click(within(dialog).getByRole('button', { name: '关闭订阅' }));
    expect(await screen.findByRole('button', { name: '开启日历订阅' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: '订阅链接' })).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/calendar/feed')).toBe(true);
  });
});
