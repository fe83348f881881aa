import type { DutyEventKind, DutyRanking, Locale } from '@xieshang/contracts';
import { DUTY_EVENT_KINDS } from '@xieshang/contracts';
import { contentDisposition, renderSheet, type ExportFormat } from '../attendance/spreadsheet';

/** Export headings in the viewer's language (users.locale); the web app has its own copies in duty.json. */
interface DutyExportLabels {
  sheet: string;
  file: (year: number) => string;
  columns: string[];
  kinds: Record<DutyEventKind, string>;
}

const ZH: DutyExportLabels = {
  sheet: '委员履职积分',
  file: (year) => `${year}年委员履职积分`,
  columns: ['排名', '姓名', '界别', '专委会', '基础分', '加分', '扣分', '总分'],
  kinds: {
    attendance_present: '出席(次)', attendance_excused: '请假(次)', attendance_absent: '缺席(次)',
    speech_given: '会上发言(次)', speech_oral: '口头交流发言(篇)', speech_written: '书面发言(篇)',
    topic_proposed: '提出议题(件)', topic_cosigned: '联名议题(件)', topic_selected: '议题入选计划(件)',
    document_contribution: '参与撰写文稿(篇)', manual: '其他加减分(项)',
  },
};

const EN: DutyExportLabels = {
  sheet: 'Duty scores',
  file: (year) => `Duty scores ${year}`,
  columns: ['Rank', 'Name', 'Sector', 'Committee', 'Base', 'Bonus', 'Deductions', 'Total'],
  kinds: {
    attendance_present: 'Present', attendance_excused: 'Excused', attendance_absent: 'Absent',
    speech_given: 'Turns at the floor', speech_oral: 'Oral speeches', speech_written: 'Written speeches',
    topic_proposed: 'Topics proposed', topic_cosigned: 'Topics co-signed', topic_selected: 'Topics selected',
    document_contribution: 'Documents co-written', manual: 'Manual entries',
  },
};

/** The ranking as a sheet: one row per member, score columns then a count per kind of event. */
export async function dutyRankingExport(ranking: DutyRanking, locale: Locale, format: ExportFormat): Promise<{ body: Buffer; disposition: string }> {
  const l = locale === 'en' ? EN : ZH;
  const rows = ranking.items.map((r) => {
    const counts = new Map(r.kinds.map((k) => [k.kind, k.count]));
    return [
      r.rank, r.name, r.sectorName, r.committeeName, r.score.base, r.score.bonus, r.score.deductions, r.score.total,
      ...DUTY_EVENT_KINDS.map((k) => counts.get(k) ?? 0),
    ];
  });
  const fileName = `${l.file(ranking.year)}.${format}`;
  return {
    body: await renderSheet({ name: l.sheet, headers: [...l.columns, ...DUTY_EVENT_KINDS.map((k) => l.kinds[k])], rows }, format),
    disposition: contentDisposition(fileName, `duty-scores-${ranking.year}.${format}`),
  };
}
