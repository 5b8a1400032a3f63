import { apiRequest } from '../../../lib/api-client';
import type { RuleDocument, RuleScopeDetail } from '../types';

/** PUT /api/quality/rules/{scope}: admins only; every problem comes back in one 400 `invalid_rules`. */
export function saveRuleDocument(scope: string, document: RuleDocument): Promise<RuleScopeDetail> {
  return apiRequest<RuleScopeDetail>(`/api/quality/rules/${encodeURIComponent(scope)}`, {
    method: 'PUT',
    body: { document },
  });
}
