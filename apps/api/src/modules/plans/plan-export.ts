import ExcelJS from 'exceljs';
import type { Locale, Plan } from '@xieshang/contracts';
import { renderDocx } from './docx';

/** Labels of the customary table (序号 / 协商议题 / 协商形式 / 时间 / 牵头 / 参与), in the viewer's language. */
const LABELS = {
  'zh-CN': {
    headers: ['序号', '协商议题', '类别', '协商形式', '计划时间', '牵头领导', '牵头单位', '参与单位', '备注'],
    category: { consultation: '协商', supervision: '民主监督' },
    month: (m: number | null) => (m ? `${m}月` : '待定'),
    approved: (date: string, meeting: string | null) => `（${date}${meeting ? ` 经${meeting}` : ''}审议通过）`,
    amendments: (n: number) => `本计划执行中已登记调整 ${n} 项。`,
    sheet: '年度协商计划',
  },
  en: {
    headers: ['No.', 'Topic', 'Category', 'Form', 'Month', 'Lead leader', 'Lead body', 'Participating bodies', 'Notes'],
    category: { consultation: 'Consultation', supervision: 'Democratic supervision' },
    month: (m: number | null) => (m ? new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' }) : 'TBD'),
    approved: (date: string, meeting: string | null) => `(Approved ${date}${meeting ? ` by ${meeting}` : ''})`,
    amendments: (n: number) => `${n} amendment(s) recorded since approval.`,
    sheet: 'Annual plan',
  },
} as const;

const WIDTHS = [5, 30, 8, 12, 7, 11, 14, 22, 12];

function labels(locale: Locale) {
  return locale === 'en' ? LABELS.en : LABELS['zh-CN'];
}

export function planRows(plan: Plan, locale: Locale): string[][] {
  const l = labels(locale);
  return plan.items.map((i, n) => [
    String(n + 1),
    i.title,
    l.category[i.category],
    locale === 'en' ? i.meetingTypeNameEn : i.meetingTypeNameZh,
    l.month(i.plannedMonth),
    i.leadLeader ?? '',
    i.leadBody ?? '',
    i.participatingBodies.join(locale === 'en' ? ', ' : '、'),
    i.notes ?? '',
  ]);
}

/** "（2026-03-12 经市委常委会审议通过）" under the title once the plan is approved. */
function approvalLine(plan: Plan, locale: Locale, timeZone: string): string[] {
  const approval = [...plan.approvals].reverse().find((a) => a.action === 'approve');
  if (!approval || !['approved', 'issued', 'executing', 'summarized'].includes(plan.state)) return [];
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(approval.at));
  return [labels(locale).approved(date, approval.meeting)];
}

export function planDocx(plan: Plan, locale: Locale, timeZone: string): Promise<Buffer> {
  const l = labels(locale);
  return renderDocx({
    title: plan.title,
    subtitle: approvalLine(plan, locale, timeZone),
    table: { headers: [...l.headers], widths: WIDTHS, rows: planRows(plan, locale) },
    footer: plan.amendments.length ? [l.amendments(plan.amendments.length)] : [],
  });
}

export async function planXlsx(plan: Plan, locale: Locale, timeZone: string): Promise<Buffer> {
  const l = labels(locale);
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  const ws = wb.addWorksheet(l.sheet, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
  });
  const cols = l.headers.length;
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = plan.title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell(2, 1).value = approvalLine(plan, locale, timeZone)[0] ?? '';
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = ws.addRow([...l.headers]);
  header.font = { bold: true };
  // Strings stay strings (never formulas): a title starting with "=" is text.
  for (const row of planRows(plan, locale)) ws.addRow(row.map((v, i) => (i === 0 ? Number(v) : v)));
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w * 2));
  for (let r = 3; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (c) => {
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      c.alignment = { vertical: 'middle', wrapText: true, horizontal: r === 3 ? 'center' : undefined };
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
