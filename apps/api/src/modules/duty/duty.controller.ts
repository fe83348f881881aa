import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DutyRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { CONTENT_TYPES } from '../attendance/spreadsheet';
import { dutyRankingExport } from './duty-export';
import { DutyRulesService } from './duty-rules.service';
import { DutyService } from './duty.service';
import { sendPrivateFile } from '../../common/send-private-file';

@Controller()
export class DutyController {
  constructor(
    private readonly duty: DutyService,
    private readonly rules: DutyRulesService,
  ) {}

  @Route(DutyRoutes.myDutyRecord)
  mine(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof DutyRoutes.myDutyRecord>) {
    return this.duty.record(s.user, s.user.id, query.year);
  }

  @Route(DutyRoutes.memberDutyRecord)
  member(@CurrentSession() s: AuthenticatedSession, @Input() { params, query }: In<typeof DutyRoutes.memberDutyRecord>) {
    return this.duty.record(s.user, params.id, query.year);
  }

  @Route(DutyRoutes.dutyRanking)
  ranking(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof DutyRoutes.dutyRanking>) {
    return this.duty.ranking(s.user, query);
  }

  @Route(DutyRoutes.exportDutyRanking)
  async export(@CurrentSession() s: AuthenticatedSession, @Input() { query }: In<typeof DutyRoutes.exportDutyRanking>, @Res() res: Response) {
    const { format, ...filter } = query;
    const file = await dutyRankingExport(await this.duty.ranking(s.user, filter), s.user.locale, format);
    sendPrivateFile(res, { contentType: CONTENT_TYPES[format], disposition: file.disposition, body: file.body });
  }

  @Route(DutyRoutes.getDutyRules)
  getRules() {
    return this.rules.view();
  }

  @Route(DutyRoutes.updateDutyRules)
  updateRules(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof DutyRoutes.updateDutyRules>) {
    return this.rules.update(s.user, body);
  }

  @Route(DutyRoutes.listDutyEntries)
  listEntries(@Input() { query }: In<typeof DutyRoutes.listDutyEntries>) {
    return this.duty.listEntries(query);
  }

  @Route(DutyRoutes.createDutyEntry)
  addEntry(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof DutyRoutes.createDutyEntry>) {
    return this.duty.addEntry(s.user, body);
  }

  @Route(DutyRoutes.withdrawDutyEntry)
  withdrawEntry(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof DutyRoutes.withdrawDutyEntry>) {
    return this.duty.withdrawEntry(s.user, params.id, body.reason);
  }
}
