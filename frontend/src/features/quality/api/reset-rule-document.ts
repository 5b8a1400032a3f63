import { apiRequest } from '../../../lib/api-client';
import type { RuleScopeDetail } from '../types';

/** DELETE /api/quality/rules/{scope}: drop the edit, back to the shipped file. */
export function resetRuleDocument(scope: string): Promise<RuleScopeDetail> {
  return apiRequest<RuleScopeDetail>(`/api/quality/rules/${encodeURIComponent(scope)}`, { method: 'DELETE' });
}
