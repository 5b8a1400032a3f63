import { apiRequest } from '../../../lib/api-client';
import { planQuery } from './plan-params';
import type { PlanParams, StaffingPlan } from './types';

/** GET /api/staffing/plan: agents and standby needed per hour of a day, from the history of the caller's shops. */
export function getPlan(params: PlanParams, signal?: AbortSignal): Promise<StaffingPlan> {
  const query = planQuery(params).toString();
  return apiRequest<StaffingPlan>(`/api/staffing/plan${query ? `?${query}` : ''}`, { signal });
}
