import { apiRequest } from '../../../lib/api-client';
import type { User } from '../../../lib/api-types';

/** GET /api/me: the logged-in user (a 401 ends the session). */
export async function getMe(signal?: AbortSignal): Promise<User> {
  const answer = await apiRequest<{ user: User }>('/api/me', { signal });
  return answer.user;
}
