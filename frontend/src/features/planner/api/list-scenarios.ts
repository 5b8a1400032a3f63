import { apiRequest } from '../../../lib/api-client';
import type { ScenarioInfo } from '../types';

/** GET /api/planner/scenarios: the shipped scenarios a plan can be made for. */
export async function listScenarios(signal?: AbortSignal): Promise<ScenarioInfo[]> {
  return (await apiRequest<{ scenarios: ScenarioInfo[] }>('/api/planner/scenarios', { signal })).scenarios;
}
