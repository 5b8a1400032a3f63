import { apiRequest } from '../../../lib/api-client';
import type { ShopProjection } from '../types';

/** GET /api/reports/projections: the caller's shops inside their platform window, with their projection. */
export async function getProjections(signal?: AbortSignal): Promise<ShopProjection[]> {
  const body = await apiRequest<{ shops: ShopProjection[] }>('/api/reports/projections', { signal });
  return body.shops;
}

/** PUT /api/reports/projections/:accountId/line: the shop's own line (null: the platform's again). */
export function setShopLine(accountId: string, line: number | null): Promise<unknown> {
  return apiRequest(`/api/reports/projections/${encodeURIComponent(accountId)}/line`, {
    method: 'PUT',
    body: { line },
  });
}
