import { z } from 'zod';
import { route } from './route-def';
import { IdParams } from './common';
import {
  DOCX_MIME,
  Plan,
  PlanAmendmentInput,
  PlanCandidate,
  PlanExportQuery,
  PlanInput,
  PlanItemInput,
  PlanItemPatch,
  PlanPatch,
  PlanRules,
  PlanSummary,
  PlanTransitionInput,
} from './plans';

const ItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

/**
 * The annual plan. `plans.read` opens the routes; who sees a draft and who may take each step is
 * decided in the service with libs/domain (canSeePlan, planMachine, planEditMode).
 */
export const PlanRoutes = {
  listPlans: route({ method: 'GET', path: '/plans', tag: 'plans', summary: 'Annual plans the viewer may see, newest year first', access: 'plans.read', response: z.array(PlanSummary) }),
  createPlan: route({ method: 'POST', path: '/plans', tag: 'plans', summary: 'Start the plan of a year (one per year)', access: 'plans.manage', body: PlanInput, response: Plan }),
  getPlan: route({ method: 'GET', path: '/plans/:id', tag: 'plans', summary: 'A plan with items, rule check, approval trail and amendments', access: 'plans.read', params: IdParams, response: Plan }),
  updatePlan: route({ method: 'PATCH', path: '/plans/:id', tag: 'plans', summary: 'Edit the title or notes of a draft plan', access: 'plans.manage', params: IdParams, body: PlanPatch, response: Plan }),
  planCandidates: route({ method: 'GET', path: '/plans/:id/candidates', tag: 'plans', summary: "Shortlisted topics of the plan's year not yet in it", access: 'plans.manage', params: IdParams, response: z.array(PlanCandidate) }),
  addPlanItem: route({ method: 'POST', path: '/plans/:id/items', tag: 'plans', summary: 'Add an item from a shortlisted topic (selects it) or directly', access: 'plans.manage', params: IdParams, body: PlanItemInput, response: Plan }),
  updatePlanItem: route({ method: 'PATCH', path: '/plans/:id/items/:itemId', tag: 'plans', summary: 'Edit an item of a draft plan', access: 'plans.manage', params: ItemParams, body: PlanItemPatch, response: Plan }),
  deletePlanItem: route({ method: 'DELETE', path: '/plans/:id/items/:itemId', tag: 'plans', summary: 'Remove an item of a draft plan (its topic returns to the shortlist)', access: 'plans.manage', params: ItemParams, response: Plan }),
  transitionPlan: route({ method: 'POST', path: '/plans/:id/transition', tag: 'plans', summary: 'Move the plan along its approval steps; submitting checks the organisation rules', access: 'plans.read', params: IdParams, body: PlanTransitionInput, response: Plan }),
  amendPlan: route({ method: 'POST', path: '/plans/:id/amendments', tag: 'plans', summary: 'Change an approved plan through a recorded amendment', access: 'plans.manage', params: IdParams, body: PlanAmendmentInput, response: Plan }),
  exportPlan: route({ method: 'GET', path: '/plans/:id/export', tag: 'plans', summary: 'The plan as a DOCX or XLSX table', access: 'plans.read', params: IdParams, query: PlanExportQuery, produces: DOCX_MIME }),

  getPlanRules: route({ method: 'GET', path: '/plan-rules', tag: 'plans', summary: 'Organisation rules for the annual plan and public calls', access: 'authenticated', response: PlanRules }),
  updatePlanRules: route({ method: 'PUT', path: '/plan-rules', tag: 'plans', summary: 'Change the organisation rules', access: 'settings.manage', body: PlanRules, response: PlanRules }),
} as const;

