import { apiRequest } from './api-client';
import { changeLanguage, changeTimeZone, isLanguage, isTimeZone, type Language } from './i18n';

/** The signed-in user's display preferences, kept on the server so they follow the user to any device. */
export interface Preferences {
  language: Language | null;
  timeZone: string | null;
  /** Opt-in alerts for new and urgent chats (absent from older servers: off). */
  notifications?: { sound: boolean; desktop: boolean };
}

export function getPreferences(signal?: AbortSignal): Promise<Preferences> {
  return apiRequest<Preferences>('/api/me/preferences', { signal });
}

export function savePreferences(preferences: Partial<Preferences>): Promise<Preferences> {
  return apiRequest<Preferences>('/api/me/preferences', { method: 'PUT', body: preferences });
}

/** Applies what the server holds (a choice made on another device wins over this browser's). */
export function applyPreferences(p: Preferences): void {
  if (isLanguage(p.language)) changeLanguage(p.language);
  changeTimeZone(p.timeZone && isTimeZone(p.timeZone) ? p.timeZone : null);
}
