import { apiRequest } from '../../../lib/api-client';
import type { StaffingPlan } from '../types';

/** POST /api/planner/plan: from a shipped scenario, or from the shops' last `historyDays` days. */
export async function makePlan(source: { scenario: string } | { historyDays: number }): Promise<StaffingPlan> {
  return apiRequest<StaffingPlan>('/api/planner/plan', { method: 'POST', body: source });
}
