import { apiRequest } from '../../../lib/api-client';
import type { ResponseMetrics } from '../types';

/** GET /api/quality/metrics/response: first human response and response rate (auto-replies and spam left out). */
export function getResponseMetrics(from: string, to: string, withinSeconds: number, signal?: AbortSignal) {
  const q = new URLSearchParams({ from, to, withinSeconds: String(withinSeconds) });
  return apiRequest<ResponseMetrics>(`/api/quality/metrics/response?${q}`, { signal });
}
