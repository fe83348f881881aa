import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, stubFetch } from '../../test/render';
import { MemberFormModal } from './MemberFormModal';

const liaison = {
  id: '9a1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  email: 'liaison@example.org',
  name: '联络员',
  roles: ['department'],
  isStandingCommittee: false,
  sectorId: null,
  sectorName: null,
  committeeId: null,
  committeeName: null,
  departmentId: null,
  departmentName: null,
  phone: null,
  affiliation: null,
  active: true,
  locale: 'zh-CN',
  createdAt: '2026-01-01T00:00:00.000Z',
} as const;

describe('MemberFormModal', () => {
  it('applies the shared rule: a department liaison without a department is not sent', async () => {
    const { calls } = stubFetch({ 'GET /api/org/sectors': () => ({ body: [] }), 'GET /api/org/committees': () => ({ body: [] }), 'GET /api/org/departments': () => ({ body: [] }) });
    renderPage(<MemberFormModal opened member={{ ...liaison, roles: [...liaison.roles] }} onClose={() => undefined} />);
    await userEvent.click(await screen.findByRole('button', { name: '保存' }));
    expect(await screen.findByText('承办单位联络员须选择所属单位')).toBeInTheDocument();
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });
});
