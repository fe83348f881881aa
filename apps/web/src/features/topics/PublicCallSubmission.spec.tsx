import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublicTopicCall } from '@xieshang/contracts';
import { stubFetch } from '../../test/render';
import { renderAt } from '../meetings/renderAt';
import { PublicCallPage } from './PublicCallPage';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(30_000);

const CALL: PublicTopicCall = {
  id: '6e5d4c3b-1111-4c1d-8e9f-0a1b2c3d4e01',
  year: 2027,
  title: '2027年度协商议题社会征集',
  description: '面向社会公开征集协商议题。',
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2026-12-31T00:00:00.000Z',
  effectiveMaxTopicsPerPerson: 3,
  isOpen: true,
};

const open = () => renderAt([{ path: '/call/:callId', element: <PublicCallPage /> }], `/call/${CALL.id}`);

async function fillTopic() {
  await userEvent.type(await screen.findByRole('textbox', { name: /议题名称/ }), '关于增设社区老年食堂的建议');
  await userEvent.type(screen.getByRole('textbox', { name: /内容摘要/ }), '老人就餐难');
  await userEvent.type(screen.getByRole('textbox', { name: /理由和建议/ }), '建议在社区服务中心增设老年食堂');
  await userEvent.click(screen.getByRole('combobox', { name: /领域/ }));
  await userEvent.click(await screen.findByRole('option', { name: '保障和改善民生', hidden: true }));
  await userEvent.type(screen.getByRole('textbox', { name: /^姓名/ }), '王女士');
}

describe('public call page (no login)', () => {
  it('shows the excluded subjects and the per-person limit, and hands out the status link after submitting', async () => {
    const { calls } = stubFetch({
      [`GET /api/public/topic-calls/${CALL.id}`]: () => ({ body: CALL }),
      [`POST /api/public/topic-calls/${CALL.id}/topics`]: () => ({ body: { publicId: 'Ab3dEf7hJk', title: '关于增设社区老年食堂的建议', submittedAt: '2026-11-23T02:00:00.000Z' } }),
    });
    open();
    expect(await screen.findByText('每人最多提交 3 条议题')).toBeInTheDocument();
    expect(screen.getByText('信访事项')).toBeInTheDocument();
    await fillTopic();
    await userEvent.type(screen.getByRole('textbox', { name: /手机号码/ }), '13800138000');
    await userEvent.click(screen.getByRole('button', { name: '提交议题' }));

    const receipt = await screen.findByRole('status');
    expect(within(receipt).getByText(/Ab3dEf7hJk/)).toBeInTheDocument();
    expect(within(receipt).getByRole('link', { name: '查看办理状态' })).toHaveAttribute('href', '/call/topics/Ab3dEf7hJk');
    const post = calls.find((c) => c.method === 'POST');
    const body = JSON.parse(String(post?.init.body));
    expect(body).toMatchObject({ name: '王女士', phone: '13800138000', policyArea: 'livelihood', showName: false });
    expect(body).not.toHaveProperty('website');
  });

  it('puts the missing-contact error on the phone field, saying either phone or email will do', async () => {
    stubFetch({
      [`GET /api/public/topic-calls/${CALL.id}`]: () => ({ body: CALL }),
      [`POST /api/public/topic-calls/${CALL.id}/topics`]: () => ({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'The request is invalid', details: [{ path: 'body.phone', code: 'custom', message: 'contact required' }] } },
      }),
    });
    open();
    await fillTopic();
    await userEvent.click(screen.getByRole('button', { name: '提交议题' }));
    const phone = screen.getByRole('textbox', { name: /手机号码/ });
    expect(await screen.findByText('手机和邮箱至少填写一项，仅供政协办公室联系您，不会公开', { selector: '.mantine-InputWrapper-error' })).toBeInTheDocument();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
  });

  it('says so when the call is closed, and shows no form', async () => {
    stubFetch({ [`GET /api/public/topic-calls/${CALL.id}`]: () => ({ body: { ...CALL, isOpen: false } }) });
    open();
    expect(await screen.findByRole('alert')).toHaveTextContent('本次征集不在开放期内');
    expect(screen.queryByRole('button', { name: '提交议题' })).not.toBeInTheDocument();
  });
});
