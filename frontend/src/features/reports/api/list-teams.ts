import { apiRequest } from '../../../lib/api-client';
import type { Team } from '../types';

/** GET /api/teams: the teams, for the team filter. */
export async function listTeams(signal?: AbortSignal): Promise<Team[]> {
  const answer = await apiRequest<{ teams: Team[] }>('/api/teams', { signal });
  return answer.teams;
}
