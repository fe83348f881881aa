import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DOCX_MIME, PlanRoutes } from '@xieshang/contracts';
import { CurrentSession } from '../../common/current-user.decorator';
import { In, Input, Route } from '../../common/route.decorator';
import type { AuthenticatedSession } from '../auth/auth.service';
import { attachmentDisposition } from '../meetings/content-disposition';
import { SettingsService } from '../settings/settings.service';
import { planDocx, planXlsx, XLSX_MIME } from './plan-export';
import { PlanRulesService } from './plan-rules.service';
import { PlansService } from './plans.service';
import { sendPrivateFile } from '../../common/send-private-file';

@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly rules: PlanRulesService,
    private readonly settings: SettingsService,
  ) {}

  @Route(PlanRoutes.listPlans)
  list(@CurrentSession() s: AuthenticatedSession) {
    return this.plans.list(s.user);
  }

  @Route(PlanRoutes.createPlan)
  create(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof PlanRoutes.createPlan>) {
    return this.plans.create(s.user, body);
  }

  @Route(PlanRoutes.getPlan)
  get(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof PlanRoutes.getPlan>) {
    return this.plans.get(params.id, s.user);
  }

  @Route(PlanRoutes.updatePlan)
  update(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof PlanRoutes.updatePlan>) {
    return this.plans.update(s.user, params.id, body);
  }

  @Route(PlanRoutes.planCandidates)
  candidates(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof PlanRoutes.planCandidates>) {
    return this.plans.candidates(params.id, s.user);
  }

  @Route(PlanRoutes.addPlanItem)
  addItem(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof PlanRoutes.addPlanItem>) {
    return this.plans.addItem(s.user, params.id, body);
  }

  @Route(PlanRoutes.updatePlanItem)
  updateItem(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof PlanRoutes.updatePlanItem>) {
    return this.plans.updateItem(s.user, params.id, params.itemId, body);
  }

  @Route(PlanRoutes.deletePlanItem)
  deleteItem(@CurrentSession() s: AuthenticatedSession, @Input() { params }: In<typeof PlanRoutes.deletePlanItem>) {
    return this.plans.removeDraftItem(s.user, params.id, params.itemId);
  }

  @Route(PlanRoutes.transitionPlan)
  transition(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof PlanRoutes.transitionPlan>) {
    return this.plans.transition(s.user, params.id, body);
  }

  @Route(PlanRoutes.amendPlan)
  amend(@CurrentSession() s: AuthenticatedSession, @Input() { params, body }: In<typeof PlanRoutes.amendPlan>) {
    return this.plans.amend(s.user, params.id, body);
  }

  @Route(PlanRoutes.exportPlan)
  async export(@CurrentSession() s: AuthenticatedSession, @Input() { params, query }: In<typeof PlanRoutes.exportPlan>, @Res() res: Response) {
    const plan = await this.plans.get(params.id, s.user);
    const { timeZone } = await this.settings.get();
    const docx = query.format === 'docx';
    const body = docx ? await planDocx(plan, s.user.locale, timeZone) : await planXlsx(plan, s.user.locale, timeZone);
    sendPrivateFile(res, { contentType: docx ? DOCX_MIME : XLSX_MIME, disposition: attachmentDisposition(`${plan.title}.${query.format}`), body });
  }

  @Route(PlanRoutes.getPlanRules)
  getRules() {
    return this.rules.get();
  }

  @Route(PlanRoutes.updatePlanRules)
  updateRules(@CurrentSession() s: AuthenticatedSession, @Input() { body }: In<typeof PlanRoutes.updatePlanRules>) {
    return this.rules.update(s.user, body);
  }
}
