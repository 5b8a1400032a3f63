import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '../lib/i18n';

/** The UI language, saved for the user. Language names are shown in their own language. */
export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation('app');
  return (
    <select
      className="topbar__select"
      data-testid="language-switch"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(e) => isLanguage(e.target.value) && onChange(e.target.value)}
    >
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}
