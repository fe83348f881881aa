import { screen } from '@testing-library/react';
import { renderPage } from '../../../test/render';
import { SaveStatusBadge } from './SaveStatusBadge';

const editor = { connected: true, synced: true, pending: 0, role: 'editor' as const, readOnly: false };

describe('save status in words', () => {
  it.each([
    [editor, '已保存'],
    [{ ...editor, pending: 3 }, '正在保存 3 处修改'],
    [{ ...editor, connected: false, synced: false, pending: 2 }, '离线，修改已保存在本机'],
    [{ ...editor, role: 'commenter' as const, readOnly: true }, '只读'],
    [null, '正在连接…'],
  ])('%j → %s, announced as a status', (status, text) => {
    renderPage(<SaveStatusBadge status={status} />);
    expect(screen.getByRole('status')).toHaveTextContent(text);
  });
});
