import { apiRequest } from '../../../lib/api-client';
import type { User } from '../../../lib/api-types';

/** POST /api/login: 200 {token, user}; 401 bad_credentials. */
export function login(username: string, password: string): Promise<{ token: string; user: User }> {
  return apiRequest('/api/login', { method: 'POST', body: { username, password }, auth: false });
}
