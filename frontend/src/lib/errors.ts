import { ApiError } from './api-client';
import { i18n } from './i18n';

/**
 * What to tell the user about a failed call, in their language: a known error code has its own text
 * (common:api.<code>), a 403 says "no access", anything else shows the server's message, else `fallback`.
 */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    const key = `common:api.${error.code}`;
    if (i18n.exists(key)) return i18n.t(key);
    if (error.status === 403) return i18n.t('common:error.forbidden');
    return error.message || fallback;
  }
  return fallback;
}
