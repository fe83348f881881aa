import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrgSettingsPatch, type OrgSettings } from '@xieshang/contracts';
import { renderPage, stubFetch } from '../../test/render';
import { SettingsPage } from './SettingsPage';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const ADMIN = { id: '0b7f8a10-1111-4c1d-8e9f-0a1b2c3d4e01', email: 'a@example.org', name: '办公室', roles: ['admin'], isStandingCommittee: false, sectorId: null, committeeId: null, departmentId: null, locale: 'zh-CN' };

describe('settings: the holiday calendar', () => {
  it('adds and removes holidays, saves them sorted, and shows what the server kept', async () => {
    let stored: OrgSettings = {
      timeZone: 'Asia/Shanghai',
      jitsiBaseUrl: null,
      holidays: [
        { date: '2026-10-01', name: '国庆节' },
        { date: '2026-05-01', name: '劳动节' },
      ],
      makeupWorkdays: [{ date: '2026-09-27', name: null }],
      emailEnabled: false,
    };
    const patches: unknown[] = [];
    stubFetch({
      'GET /api/auth/me': () => ({ body: ADMIN }),
      'GET /api/settings': () => ({ body: stored }),
      'PATCH /api/settings': (_url, init) => {
        const body = JSON.parse(String(init.body)) as Partial<OrgSettings>;
        patches.push(body);
        stored = { ...stored, ...body } as OrgSettings;
        return { body: stored };
      },
    });
    renderPage(<SettingsPage />);

    // Loaded rows are shown by date.
    expect(await screen.findByRole('textbox', { name: '第 1 个节假日的名称' })).toHaveValue('劳动节');
    await userEvent.click(screen.getByRole('button', { name: '删除第 1 个节假日' }));
    await userEvent.click(screen.getByRole('button', { name: '添加节假日' }));
    const date = screen.getByLabelText('第 2 个节假日的日期');
    await userEvent.type(date, '2026-01-01');
    await userEvent.click(screen.getByRole('textbox', { name: '第 2 个节假日的名称' }));
    await userEvent.paste('元旦');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(patches).toHaveLength(1));
    const sent = patches[0] as OrgSettings;
    expect(OrgSettingsPatch.safeParse(sent).success).toBe(true);
    expect(sent.holidays).toEqual([
      { date: '2026-01-01', name: '元旦' },
      { date: '2026-10-01', name: '国庆节' },
    ]);
    expect(sent.makeupWorkdays).toEqual([{ date: '2026-09-27', name: null }]);
    expect(sent.jitsiBaseUrl).toBeNull();

    // The form now shows the saved calendar, in date order.
    await waitFor(() => expect(screen.getByLabelText('第 1 个节假日的日期')).toHaveValue('2026-01-01'));
    expect(screen.getByRole('textbox', { name: '第 2 个节假日的名称' })).toHaveValue('国庆节');
  });

  it('shows the api refusing a time zone on the field', async () => {
    stubFetch({
      'GET /api/auth/me': () => ({ body: ADMIN }),
      'GET /api/settings': () => ({ body: { timeZone: 'Asia/Shanghai', jitsiBaseUrl: null, holidays: [], makeupWorkdays: [], emailEnabled: true } }),
      'PATCH /api/settings': () => ({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'Invalid', details: [{ path: 'body.timeZone', code: 'custom', message: 'unknown time zone' }] } },
      }),
    });
    renderPage(<SettingsPage />);
    expect(await screen.findByText('已启用')).toBeInTheDocument();
    const zone = screen.getByRole('combobox', { name: /时区/ });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus');
    await userEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('无法识别的时区，请填写 IANA 时区名称，如 Asia/Shanghai')).toBeInTheDocument();
  });
});
