import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

// The web app's languages. Every user-visible string lives in a catalog (one per feature, plus `common` for
// lib/ and components/); the Chinese text is required by the type and checked by src/i18n.test.ts.

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export type Messages = Record<string, string>;

/** One namespace's strings: English and Simplified Chinese with exactly the same keys. */
export interface Catalog<T extends Messages = Messages> {
  en: T;
  'zh-CN': { [K in keyof T]: string };
}

export function defineMessages<T extends Messages>(catalog: Catalog<T>): Catalog<T> {
  return catalog;
}

const LANGUAGE_KEY = 'unibox.language';
const ZONE_KEY = 'unibox.timeZone';

export const i18n = i18next.createInstance();

/** Loads every catalog and switches to `language`; synchronous (the catalogs are bundled). */
export function initI18n(catalogs: Record<string, Catalog>, language: Language): void {
  const resources: Record<string, Record<string, Messages>> = { en: {}, 'zh-CN': {} };
  for (const [ns, catalog] of Object.entries(catalogs)) {
    resources.en[ns] = catalog.en;
    resources['zh-CN'][ns] = catalog['zh-CN'];
  }
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(catalogs),
    defaultNS: 'common',
    keySeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's: any Chinese browser gets Chinese, everything else English. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> | null, browserLanguages: readonly string[]): Language {
  const saved = storage?.getItem(LANGUAGE_KEY);
  if (isLanguage(saved)) return saved;
  return browserLanguages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** Switches the UI language and remembers it in this browser (the server copy is saved by the caller). */
export function changeLanguage(language: Language, storage: Pick<Storage, 'setItem'> | null = safeLocalStorage()): void {
  storage?.setItem(LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** The user's time zone: their saved choice, else the browser's. */
export function currentTimeZone(): string {
  return safeLocalStorage()?.getItem(ZONE_KEY) || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function changeTimeZone(zone: string | null): void {
  const storage = safeLocalStorage();
  if (!storage) return;
  if (zone) storage.setItem(ZONE_KEY, zone);
  else storage.removeItem(ZONE_KEY);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
