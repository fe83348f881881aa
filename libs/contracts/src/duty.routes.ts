import { z } from 'zod';
import { route } from './route-def';
import { IdParams, Ok } from './common';
import { DutyEntriesQuery, DutyEntry, DutyEntryInput, DutyEntryWithdrawal, DutyExportQuery, DutyRanking, DutyRankingQuery, DutyRecord, DutyRules, DutyRulesView, DutyYearQuery } from './duty';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Duty records. `duty.read` opens the record routes; a member sees only their own record, the office
 * and the chair everyone's (libs/domain canReadDutyRecord / canSeeAllDutyRecords, checked in the service).
 */
export const DutyRoutes = {
  myDutyRecord: route({ method: 'GET', path: '/duty/me', tag: 'duty', summary: 'My duty record for a year (default: this year): score and every credited line with its source', access: 'duty.read', query: DutyYearQuery, response: DutyRecord }),
  memberDutyRecord: route({ method: 'GET', path: '/duty/members/:id', tag: 'duty', summary: "A member's duty record (the office and the chair; members only their own)", access: 'duty.read', params: IdParams, query: DutyYearQuery, response: DutyRecord }),
  dutyRanking: route({ method: 'GET', path: '/duty/ranking', tag: 'duty', summary: 'All members ranked by score for a year, by sector and committee', access: 'duty.read', query: DutyRankingQuery, response: DutyRanking }),
  exportDutyRanking: route({ method: 'GET', path: '/duty/ranking/export', tag: 'duty', summary: 'The ranking as CSV or XLSX', access: 'duty.read', query: DutyExportQuery, produces: XLSX }),

  getDutyRules: route({ method: 'GET', path: '/duty/rules', tag: 'duty', summary: 'The scoring rules in force', access: 'duty.read', response: DutyRulesView }),
  updateDutyRules: route({ method: 'PUT', path: '/duty/rules', tag: 'duty', summary: 'Save a new version of the scoring rules (scores are recomputed from it)', access: 'duty.manage', body: DutyRules, response: DutyRulesView }),

  listDutyEntries: route({ method: 'GET', path: '/duty/entries', tag: 'duty', summary: "The office's manual entries of a year", access: 'duty.manage', query: DutyEntriesQuery, response: z.array(DutyEntry) }),
  createDutyEntry: route({ method: 'POST', path: '/duty/entries', tag: 'duty', summary: 'Add a manual entry (points and a reason) to a member\'s record', access: 'duty.manage', body: DutyEntryInput, response: DutyEntry }),
  withdrawDutyEntry: route({ method: 'POST', path: '/duty/entries/:id/withdraw', tag: 'duty', summary: 'Withdraw a manual entry, with a reason (the entry and both reasons stay on record)', access: 'duty.manage', params: IdParams, body: DutyEntryWithdrawal, response: Ok }),
} as const;
