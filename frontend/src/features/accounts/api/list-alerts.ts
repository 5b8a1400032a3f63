import { apiRequest } from '../../../lib/api-client';
import type { Alert } from '../types';

/** GET /api/admin/alerts: open alerts, newest first. */
export async function listAlerts(signal?: AbortSignal): Promise<Alert[]> {
  const answer = await apiRequest<{ alerts: Alert[] }>('/api/admin/alerts', { signal });
  return answer.alerts;
}
