import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubFetch } from '../../test/render';
import { OFFICE_USER, SETTINGS, SPECIAL_CONSULTATION, summary } from './meetingFixtures';
import { MeetingsPage } from './MeetingsPage';
import { renderAt } from './renderAt';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

// 25 past meetings, in the api's order (oldest first): 第1次 … 第25次.
const past = Array.from({ length: 25 }, (_, i) =>
  summary({
    id: `7a6b5c4d-4444-4c1d-8e9f-${String(i).padStart(12, '0')}`,
    title: `第${i + 1}次协商座谈会`,
    startsAt: new Date(Date.UTC(2025, 0, 1 + i * 7, 1)).toISOString(),
    endsAt: new Date(Date.UTC(2025, 0, 1 + i * 7, 3)).toISOString(),
  }),
);

describe('past meetings list', () => {
  it('shows the newest first across pages although the api sorts oldest first', async () => {
    stubFetch({
      'GET /api/auth/me': () => ({ body: OFFICE_USER }),
      'GET /api/settings': () => ({ body: SETTINGS }),
      'GET /api/meeting-types': () => ({ body: [SPECIAL_CONSULTATION] }),
      'GET /api/meetings': (url) => {
        const q = new URL(url, 'http://x').searchParams;
        const size = Number(q.get('pageSize'));
        const p = Number(q.get('page'));
        return { body: { items: past.slice((p - 1) * size, p * size), total: past.length, page: p, pageSize: size } };
      },
    });
    renderAt(<MeetingsPage />, '/meetings?view=list&when=past');
    const list = await screen.findByRole('list');
    await within(list).findByText('第25次协商座谈会');
    const titles = () => within(screen.getByRole('list')).getAllByText(/次协商座谈会$/).map((e) => e.textContent);
    expect(titles()).toHaveLength(20);
    expect(titles()[0]).toBe('第25次协商座谈会');
    expect(titles()[19]).toBe('第6次协商座谈会');

    await userEvent.click(screen.getByRole('button', { name: '第 2 页' }));
    await within(screen.getByRole('list')).findByText('第1次协商座谈会');
    expect(titles()).toEqual(['第5次协商座谈会', '第4次协商座谈会', '第3次协商座谈会', '第2次协商座谈会', '第1次协商座谈会']);
  });
});
