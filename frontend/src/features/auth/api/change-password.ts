import { apiRequest } from '../../../lib/api-client';

/**
 * POST /api/me/password: the user's own password. Every other session ends; the answer is a fresh token
 * for this one (the old token is revoked with the rest).
 */
export async function changePassword(currentPassword: string, newPassword: string): Promise<string> {
  return (await apiRequest<{ token: string }>('/api/me/password', { method: 'POST', body: { currentPassword, newPassword } })).token;
}
