import { apiRequest } from '../../../lib/api-client';
import type { RuleScopeDetail } from '../types';

/** GET /api/quality/rules/{scope}: the effective document of one scope and the shipped file's. */
export function getRuleDocument(scope: string, signal?: AbortSignal): Promise<RuleScopeDetail> {
  return apiRequest<RuleScopeDetail>(`/api/quality/rules/${encodeURIComponent(scope)}`, { signal });
}
