import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../../test/render';
import { AgendaEditor } from './AgendaEditor';
import { agendaRows, type AgendaRow } from './meetingForm';

function Harness() {
  const [rows, setRows] = useState<AgendaRow[]>(() =>
    agendaRows([
      { title: '情况通报', kind: 'briefing' },
      { title: '部门解答', kind: 'department_response' },
      { title: '自由讨论', kind: 'free_discussion' },
    ]),
  );
  return <AgendaEditor label="议程" value={rows} onChange={setRows} />;
}

const titles = () => screen.getAllByRole('textbox', { name: /项议程名称/ }).map((i) => (i as HTMLInputElement).value);

describe('agenda editor', () => {
  it('moves items with Alt+arrow keys and with the buttons, and announces each move', async () => {
    renderPage(<Harness />);
    await userEvent.click(screen.getByRole('textbox', { name: '第 1 项议程名称' }));
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(titles()).toEqual(['部门解答', '情况通报', '自由讨论']);
    expect(screen.getByText('“情况通报”已移到第 2 项')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '第 3 项上移' }));
    expect(titles()).toEqual(['部门解答', '自由讨论', '情况通报']);
    expect(screen.getByRole('button', { name: '第 1 项上移' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: '删除第 1 项' }));
    await userEvent.click(screen.getByRole('button', { name: '添加议程' }));
    expect(titles()).toEqual(['自由讨论', '情况通报', '']);
  });
});
