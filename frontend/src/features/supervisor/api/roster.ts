import { apiRequest } from '../../../lib/api-client';

export interface RosterAnswer {
  roster: unknown;
  current: string[];
  source: 'config' | 'web';
  editedAt?: string | null;
}

/** GET /api/shifts: the roster in the shape of config/shifts.yaml, and the shifts running now. */
export function getRoster(): Promise<RosterAnswer> {
  return apiRequest<RosterAnswer>('/api/shifts');
}

/** PUT /api/shifts: replaces the roster (from then on the database copy wins over the file). */
export function putRoster(roster: unknown): Promise<RosterAnswer> {
  return apiRequest<RosterAnswer>('/api/shifts', { method: 'PUT', body: roster });
}

/** GET /api/teams: the usernames of every team's supervisors (the shift leads to offer). */
export async function listTeamSupervisors(): Promise<string[]> {
  const answer = await apiRequest<{ teams: { supervisors: string[] }[] }>('/api/teams');
  return [...new Set(answer.teams.flatMap((team) => team.supervisors))].sort();
}
