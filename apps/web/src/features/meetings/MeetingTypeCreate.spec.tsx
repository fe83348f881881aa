import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MeetingTypeInput } from '@xieshang/contracts';
import { renderPage, stubFetch } from '../../test/render';
import { OFFICE_USER, SPECIAL_CONSULTATION } from './meetingFixtures';
import { MeetingTypesPage } from './MeetingTypesPage';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

describe('meeting types admin', () => {
  it('lists types with their rules and creates one whose body parses as MeetingTypeInput', async () => {
    const created: unknown[] = [];
    stubFetch({
      'GET /api/auth/me': () => ({ body: OFFICE_USER }),
      'GET /api/meeting-types': () => ({ body: [SPECIAL_CONSULTATION] }),
      'POST /api/meeting-types': (_url, init) => {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        created.push(body);
        return { body: { ...SPECIAL_CONSULTATION, ...body, id: '5d2c1b0a-3333-4c1d-8e9f-0a1b2c3d4e99' } };
      },
    });
    renderPage(<MeetingTypesPage />);
    const row = (await screen.findByText('专题协商会')).closest('tr')!;
    expect(within(row).getByText('15 个工作日')).toBeInTheDocument();
    expect(within(row).getByText('专委会负责人')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '添加会议类型' }));
    const dialog = await screen.findByRole('dialog', { name: '添加会议类型' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /中文名称/ }), '委员读书会');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /英文名称/ }), 'Reading circle');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /代码/ }), 'reading_circle');
    await userEvent.click(within(dialog).getByRole('button', { name: '添加议程' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: '第 1 项议程名称' }), '交流心得');
    await userEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(created).toHaveLength(1));
    const parsed = MeetingTypeInput.safeParse(created[0]);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ code: 'reading_circle', nameZh: '委员读书会', noticeWorkingDays: 15, defaultAgenda: [{ title: '交流心得', kind: 'other' }] });
  });
});
