import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, stubFetch } from '../../test/render';
import { sessionUser, settings } from '../attendance/testData';
import { DutyRulesPage } from './DutyRulesPage';
import { rulesView } from './testData';

jest.setTimeout(20_000);
// The first render of a Mantine page can take over a second there too.
configure({ asyncUtilTimeout: 5000 });

describe('DutyRulesPage', () => {
  function setup() {
    return stubFetch({
      'GET /api/auth/me': () => ({ body: sessionUser(['admin']) }),
      'GET /api/settings': () => ({ body: settings }),
      'GET /api/duty/rules': () => ({ body: rulesView() }),
      'PUT /api/duty/rules': (_url, init) => ({ body: rulesView({ version: 1, rules: JSON.parse(String(init.body)), updatedByName: '办公室', updatedAt: '2026-11-23T02:00:00.000Z' }) }),
    });
  }

  it('shows the default scheme with the plenary deductions per meeting type', async () => {
    setup();
    renderPage(<DutyRulesPage />);
    expect(await screen.findByLabelText('基础分')).toHaveValue('70');
    expect(screen.getByLabelText('加分上限')).toHaveValue('50');
    expect(screen.getByLabelText('全体会议：无故缺席分值')).toHaveValue('-30');
    expect(screen.getByLabelText('全体会议：请假缺席分值')).toHaveValue('-10');
    // Not set for the type: empty, the kind's points shown as the placeholder.
    expect(screen.getByLabelText('协商座谈会：无故缺席分值')).toHaveValue('');
    expect(screen.getByLabelText('协商座谈会：无故缺席分值')).toHaveAttribute('placeholder', '-2');
  });

  it('marks an invalid value and blocks saving until it is fixed; then saves the edited rules', async () => {
    const { calls } = setup();
    renderPage(<DutyRulesPage />);
    const speech = await screen.findByLabelText('会上发言分值');
    await userEvent.clear(speech);
    await userEvent.type(speech, '0.3');
    expect(await screen.findByText('分值须为 0.5 的整数倍')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存规则' })).toBeDisabled();

    await userEvent.clear(speech);
    await userEvent.type(speech, '3');
    const cap = screen.getByLabelText('加分上限');
    await userEvent.clear(cap);
    await waitFor(() => expect(screen.getByRole('button', { name: '保存规则' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: '保存规则' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const body = JSON.parse(String(calls.find((c) => c.method === 'PUT')!.init.body));
    expect(body.points.speech_given).toBe(3);
    // Cleared = no cap.
    expect(body.bonusCap).toBeNull();
    expect(body.meetingTypePoints.plenary.attendance_absent).toBe(-30);
    expect(await screen.findByText('已保存为第 1 版积分规则')).toBeInTheDocument();
  });
});
