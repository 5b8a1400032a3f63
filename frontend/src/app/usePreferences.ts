import { useCallback, useEffect, useState } from 'react';
import { changeLanguage, changeTimeZone, currentTimeZone, type Language } from '../lib/i18n';
import { applyPreferences, getPreferences, savePreferences } from '../lib/preferences';

/** Loads the user's saved language and zone after sign-in; a change applies at once and is saved. */
export function usePreferences() {
  const [zone, setZone] = useState(currentTimeZone);

  useEffect(() => {
    const abort = new AbortController();
    getPreferences(abort.signal)
      .then((p) => {
        applyPreferences(p);
        setZone(currentTimeZone());
      })
      .catch(() => undefined); // keep this browser's choice
    return () => abort.abort();
  }, []);

  const setLanguage = useCallback((language: Language) => {
    changeLanguage(language);
    void savePreferences({ language }).catch(() => undefined);
  }, []);

  const setTimeZone = useCallback((timeZone: string | null) => {
    changeTimeZone(timeZone);
    setZone(currentTimeZone());
    void savePreferences({ timeZone }).catch(() => undefined);
  }, []);

  return { zone, setLanguage, setTimeZone };
}
