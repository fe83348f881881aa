import { useQuery, useQueryClient } from '@tanstack/react-query';
import { PlanRoutes, type Plan } from '@xieshang/contracts';
import { api } from '../../lib/api';

export const PLANS_KEY = ['plans'] as const;
export const planKey = (id: string) => ['plans', 'detail', id] as const;
export const PLAN_RULES_KEY = ['plan-rules'] as const;

export function usePlans() {
  return useQuery({ queryKey: [...PLANS_KEY, 'list'], queryFn: ({ signal }) => api(PlanRoutes.listPlans, { signal }) });
}

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: planKey(id ?? ''), queryFn: ({ signal }) => api(PlanRoutes.getPlan, { params: { id: id! }, signal }), enabled: !!id });
}

export function usePlanCandidates(id: string, enabled: boolean) {
  return useQuery({ queryKey: [...planKey(id), 'candidates'], queryFn: ({ signal }) => api(PlanRoutes.planCandidates, { params: { id }, signal }), enabled });
}

export function usePlanRules() {
  return useQuery({ queryKey: PLAN_RULES_KEY, queryFn: ({ signal }) => api(PlanRoutes.getPlanRules, { signal }), staleTime: 60_000 });
}

/** Every write answers with the whole plan: put it in the cache, refresh lists and candidates. */
export function useStorePlan() {
  const client = useQueryClient();
  return (plan: Plan) => {
    client.setQueryData(planKey(plan.id), plan);
    void client.invalidateQueries({ queryKey: [...PLANS_KEY, 'list'] });
    void client.invalidateQueries({ queryKey: [...planKey(plan.id), 'candidates'] });
  };
}
