import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Speech } from '@xieshang/contracts';
import { renderPage, stubFetch } from '../../test/render';
import { MEETING_ID, MEMBER_ID, fillIn, jsonBody, meeting, sessionUser, settings, speech } from '../attendance/testData';
import { SpeechesTab } from './SpeechesTab';

const REVIEW = ['accept_written'] as const;
const a = speech({ title: '关于民营企业融资的建议', authorName: '甲委员', state: 'oral', oralOrder: 1, allowedActions: [...REVIEW] });
const b = speech({ title: '关于优化审批流程的建议', authorName: '乙委员', state: 'oral', oralOrder: 2, allowedActions: [...REVIEW] });
const c = speech({ title: '关于人才引进的建议', authorName: '丙委员', state: 'oral', oralOrder: 3, allowedActions: [...REVIEW] });
const inReview = speech({ title: '关于城市更新的建议', authorName: '丁委员', state: 'in_review', allowedActions: ['accept_oral', 'accept_written', 'request_revision', 'divert'] });

function setup(roles: Parameters<typeof sessionUser>[0], speeches: Speech[]) {
  let list = speeches;
  return stubFetch({
    'GET /api/auth/me': () => ({ body: sessionUser(roles) }),
    'GET /api/settings': () => ({ body: settings }),
    [`GET /api/meetings/${MEETING_ID}/speeches`]: () => ({ body: list }),
    [`PUT /api/meetings/${MEETING_ID}/speeches/order`]: (_url, init) => {
      const ids = (jsonBody(init) as { speechIds: string[] }).speechIds;
      list = list.map((s) => (ids.includes(s.id) ? { ...s, oralOrder: ids.indexOf(s.id) + 1 } : s));
      return { body: list.filter((s) => s.state === 'oral') };
    },
    [`POST /api/meetings/${MEETING_ID}/speeches`]: (_url, init) => {
      const created = speech({ ...(jsonBody(init) as { title: string; content: string }), authorId: MEMBER_ID, allowedActions: ['submit'] });
      list = [...list, created];
      return { body: created };
    },
    ...Object.fromEntries(
      speeches.map((s) => [
        `POST /api/speeches/${s.id}/transition`,
        (_url: string, init: RequestInit) => {
          const { action, comment } = jsonBody(init) as { action: string; comment: string | null };
          const next = { ...s, state: action === 'request_revision' ? ('needs_revision' as const) : s.state, reviewComment: comment, allowedActions: [] };
          list = list.map((x) => (x.id === s.id ? next : x));
          return { body: next };
        },
      ]),
    ),
  });
}

const orderList = () => screen.getByRole('list', { name: '口头发言顺序' });
const titlesInOrder = () => within(orderList()).getAllByRole('listitem').map((li) => within(li).getAllByText(/^关于/)[0].textContent);

// Mantine's first render is slow on a busy 2-core CI machine; 5 s is too tight there.
jest.setTimeout(20_000);

describe('SpeechesTab', () => {
  it('the office reorders oral speeches with the up/down buttons and saves the new order', async () => {
    const { calls } = setup(['admin'], [a, b, c, inReview]);
    renderPage(<SpeechesTab meeting={meeting({ myInvitationState: null })} />);
    await screen.findByRole('list', { name: '口头发言顺序' });
    expect(titlesInOrder()).toEqual([a.title, b.title, c.title]);
    expect(screen.getByRole('button', { name: '保存顺序' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: `将“${c.title}”上移` }));
    await userEvent.click(screen.getByRole('button', { name: `将“${a.title}”下移` }));
    expect(titlesInOrder()).toEqual([c.title, a.title, b.title]);
    expect(screen.getByText(`“${a.title}”已移到第 2 位`)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '保存顺序' }));
    await waitFor(() => expect(calls.filter((x) => x.method === 'PUT')).toHaveLength(1));
    const put = calls.find((x) => x.method === 'PUT')!;
    expect(put.url).toBe(`/api/meetings/${MEETING_ID}/speeches/order`);
    expect(jsonBody(put.init)).toEqual({ speechIds: [c.id, a.id, b.id] });
    expect(await screen.findByText('发言顺序已保存')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: '保存顺序' })).toBeDisabled());
    expect(titlesInOrder()).toEqual([c.title, a.title, b.title]);
  });

  it('the office groups speeches by state and must comment when asking for a revision', async () => {
    const { calls } = setup(['admin'], [a, inReview]);
    renderPage(<SpeechesTab meeting={meeting({ myInvitationState: null })} />);
    const group = await screen.findByRole('region', { name: '审核中' });
    await userEvent.click(within(group).getByRole('button', { name: `退回修改：${inReview.title}` }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '退回修改' }));
    expect(await within(dialog).findByText('请填写意见')).toBeInTheDocument();
    expect(calls.filter((x) => x.method === 'POST')).toEqual([]);

    await fillIn(within(dialog).getByLabelText(/意见/), '请补充数据来源');
    await userEvent.click(within(dialog).getByRole('button', { name: '退回修改' }));
    await waitFor(() => expect(calls.filter((x) => x.method === 'POST')).toHaveLength(1));
    expect(jsonBody(calls.find((x) => x.method === 'POST')!.init)).toEqual({ action: 'request_revision', comment: '请补充数据来源' });
    expect(await screen.findByRole('region', { name: '退回修改' })).toBeInTheDocument();
  });

  it('an invitee writes a draft with a character count, then submits it', async () => {
    const { calls } = setup(['member'], []);
    renderPage(<SpeechesTab meeting={meeting()} />);
    await userEvent.click(await screen.findByRole('button', { name: '撰写发言材料' }));
    await fillIn(screen.getByLabelText(/标题/), '关于社区养老的建议');
    await fillIn(screen.getByLabelText(/发言内容/), '建议增设社区食堂');
    expect(screen.getByText('8 / 20000 字')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '保存草稿' }));

    const card = await screen.findByRole('article', { name: '关于社区养老的建议' });
    expect(within(card).getByText('草稿')).toBeInTheDocument();
    expect(jsonBody(calls.find((x) => x.method === 'POST')!.init)).toEqual({ title: '关于社区养老的建议', content: '建议增设社区食堂' });
  });

  it('everyone else sees the accepted oral order, read-only', async () => {
    setup(['member'], [b, a]);
    renderPage(<SpeechesTab meeting={meeting({ myInvitationState: null })} />);
    await screen.findByRole('list');
    expect(within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining(a.title),
      expect.stringContaining(b.title),
    ]);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
