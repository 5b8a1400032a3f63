import { apiRequest } from '../../../lib/api-client';

/** POST /api/auth/logout: 204; every token of the user stops working and their sockets close. */
export async function logout(): Promise<void> {
  await apiRequest<null>('/api/auth/logout', { method: 'POST' });
}
