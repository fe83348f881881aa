import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportPreview } from '@xieshang/contracts';
import { renderPage, stubFetch } from '../../test/render';
import { ImportPreviewTable } from './ImportPreviewTable';
import { MemberImportPage } from './MemberImportPage';

const preview: ImportPreview = {
  totalRows: 2,
  validRows: 1,
  invalidRows: 1,
  fileIssues: [],
  rows: [
    { row: 2, values: { name: '张三', email: 'zhangsan@example.org', sector: '经济界' }, issues: [] },
    {
      row: 7,
      values: { name: '李四', email: 'lisi@', sector: '不存在界' },
      issues: [
        { column: 'email', code: 'invalid', message: 'Not a valid email address' },
        { column: 'sector', code: 'unknown', message: 'No sector named "不存在界"' },
      ],
    },
  ],
};

describe('ImportPreviewTable', () => {
  it('marks the bad row and lists its issues with row number and column', () => {
    renderPage(<ImportPreviewTable rows={preview.rows} />);
    const bad = screen.getByRole('rowheader', { name: '7' }).closest('tr')!;
    const good = screen.getByRole('rowheader', { name: '2' }).closest('tr')!;
    expect(bad).toHaveAttribute('data-invalid', 'true');
    expect(good).not.toHaveAttribute('data-invalid');
    expect(within(bad).getByText('第 7 行：邮箱 — 邮箱格式不正确')).toBeInTheDocument();
    expect(within(bad).getByText('第 7 行：界别 — 系统中没有这个名称')).toBeInTheDocument();
    expect(within(good).getByText('无误')).toBeInTheDocument();
    // columns use the translated header names, in template order
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['行', '姓名', '邮箱', '界别', '问题']);
  });
});

describe('MemberImportPage', () => {
  const choose = async (name = 'members.csv') => {
    const user = userEvent.setup();
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(['姓名,邮箱\n'], name, { type: 'text/csv' }));
  };

  it('keeps Import disabled while rows have issues', async () => {
    stubFetch({ 'POST /api/members/import/preview': () => ({ body: preview }) });
    renderPage(<MemberImportPage />);
    await choose();
    expect(await screen.findByText('第 7 行：邮箱 — 邮箱格式不正确')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导入 1 人' })).toBeDisabled();
  });

  it('imports a clean file and shows the created count', async () => {
    const clean: ImportPreview = { ...preview, totalRows: 1, validRows: 1, invalidRows: 0, rows: [preview.rows[0]] };
    const { calls } = stubFetch({
      'POST /api/members/import/preview': () => ({ body: clean }),
      'POST /api/members/import': () => ({ body: { created: 1 } }),
    });
    renderPage(<MemberImportPage />);
    await choose();
    const run = await screen.findByRole('button', { name: '导入 1 人' });
    expect(run).toBeEnabled();
    await userEvent.setup().click(run);
    expect((await screen.findAllByText('已导入 1 人')).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: '导入 1 人' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.url.includes('/import')).map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/members/import/preview', 'POST /api/members/import']);
  });

  it('shows file-level issues and keeps Import disabled', async () => {
    stubFetch({
      'POST /api/members/import/preview': () => ({
        body: { totalRows: 0, validRows: 0, invalidRows: 0, rows: [], fileIssues: [{ column: 'email', code: 'missing_column', message: 'Missing column "email"' }] },
      }),
    });
    renderPage(<MemberImportPage />);
    await choose();
    expect(await screen.findByText('邮箱：缺少必需的列')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导入 0 人' })).toBeDisabled();
  });

  it('explains a rejected file with the translated reason', async () => {
    stubFetch({
      'POST /api/members/import/preview': () => ({
        status: 415,
        body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'x', details: [{ path: 'file', code: 'encoding', message: 'neither' }] } },
      }),
    });
    renderPage(<MemberImportPage />);
    await choose();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('不支持的文件类型');
    expect(alert).toHaveTextContent('文件既不是 UTF-8 也不是 GBK 编码');
  });
});
