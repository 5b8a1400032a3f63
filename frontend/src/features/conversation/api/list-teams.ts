import { apiRequest } from '../../../lib/api-client';

export interface TeamOption {
  name: string;
  displayName: string;
}

/** GET /api/teams: the teams a conversation can be transferred to. */
export async function listTeams(): Promise<TeamOption[]> {
  return (await apiRequest<{ teams: TeamOption[] }>('/api/teams')).teams;
}
