import { apiRequest } from '../../../lib/api-client';
import type { SatisfactionRates } from '../types';

/** GET /api/quality/satisfaction: Kuaishou-style satisfaction and bad-attitude rates for a natural week or month. */
export function getSatisfactionRates(period: 'week' | 'month', date: string, zone: string, signal?: AbortSignal) {
  const q = new URLSearchParams({ period, date, zone });
  return apiRequest<SatisfactionRates>(`/api/quality/satisfaction?${q}`, { signal });
}
