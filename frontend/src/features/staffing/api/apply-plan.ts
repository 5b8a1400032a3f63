import { apiRequest } from '../../../lib/api-client';
import { planBody } from './plan-params';
import type { AppliedPlan, PlanParams } from './types';

/**
 * POST /api/staffing/plan/apply: the server plans again with these parameters, adds the proposed standby to the
 * roster and stores the day's surge windows; answers the plan and what it applied.
 */
export function applyPlan(params: PlanParams): Promise<AppliedPlan> {
  return apiRequest<AppliedPlan>('/api/staffing/plan/apply', { method: 'POST', body: planBody(params) });
}
