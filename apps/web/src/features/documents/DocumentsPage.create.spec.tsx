import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocumentDetail, DocumentSummary } from '@xieshang/contracts';
import { stubFetch } from '../../test/render';
import { MEMBER_USER, SETTINGS } from '../meetings/meetingFixtures';
import { renderAt } from '../meetings/renderAt';
import { DocumentsPage } from './DocumentsPage';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const summary = (n: number, over: Partial<DocumentSummary> = {}): DocumentSummary => ({
  id: `5a6b7c8d-3333-4c1d-8e9f-0a1b2c3d4e0${n}`,
  kind: 'minutes',
  title: `第${n}次会议纪要`,
  state: 'draft',
  myRole: 'commenter',
  meetingId: '5a6b7c8d-4444-4c1d-8e9f-0a1b2c3d4e01',
  meetingTitle: '协商座谈会',
  meetingStartsAt: '2026-11-20T02:00:00.000Z',
  topicId: null,
  topicTitle: null,
  planItemId: null,
  planItemTitle: null,
  createdById: null,
  createdByName: null,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-21T02:00:00.000Z',
  finalizedAt: null,
  ...over,
});

describe('documents list', () => {
  it('shows each document with my role, filters by kind through the api, and lets a member start a working draft', async () => {
    const created: DocumentDetail = {
      ...summary(9, { kind: 'blank', title: '调研提纲', myRole: 'editor', meetingId: null, meetingTitle: null, meetingStartsAt: null }),
      can: { edit: true, comment: true, manageVersions: true, manageMembers: false },
      allowedActions: ['submit_for_review'],
      members: [],
      history: [],
      final: null,
    };
    const { calls } = stubFetch({
      'GET /api/auth/me': () => ({ body: MEMBER_USER }),
      'GET /api/settings': () => ({ body: SETTINGS }),
      'GET /api/documents': () => ({ body: { items: [summary(1), summary(2, { state: 'finalized', myRole: 'reader' })], total: 2, page: 1, pageSize: 20 } }),
      'POST /api/documents': () => ({ body: created }),
    });
    renderAt(
      [
        { path: '/documents', element: <DocumentsPage /> },
        { path: '/documents/:id', element: <p>opened</p> },
      ],
      '/documents',
    );
    const list = await screen.findByRole('list', { name: '文稿' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('可批注')).toBeInTheDocument();
    expect(within(list).getByText('已定稿')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('combobox', { name: '类型' }));
    await userEvent.click(await screen.findByRole('option', { name: '建议案', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'GET' && c.url.includes('/api/documents?') && c.url.includes('kind=recommendation'))).toBe(true));

    // A member may only create blank working drafts: the dialog offers that kind and asks for a title.
    await userEvent.click(screen.getByRole('button', { name: '新建文稿' }));
    const dialog = await screen.findByRole('dialog', { name: '新建文稿' });
    expect(within(dialog).getByRole('button', { name: '创建' })).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /标题/ }), '调研提纲');
    await userEvent.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await screen.findByText('opened')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(String(post.init.body))).toEqual({ kind: 'blank', title: '调研提纲', meetingId: null, topicId: null });
  });
});
