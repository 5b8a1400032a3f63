import { apiRequest } from '../../../lib/api-client';
import type { RuleScope } from '../types';

/** GET /api/quality/rules: the rule documents (global, per platform, per shop) and who may edit them. */
export async function listRuleScopes(signal?: AbortSignal): Promise<RuleScope[]> {
  return (await apiRequest<{ scopes: RuleScope[] }>('/api/quality/rules', { signal })).scopes;
}
