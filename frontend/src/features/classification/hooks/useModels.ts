import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import { activateModel, listModels, retrain } from '../api/models';
import type { ModelList } from '../api/models';

/** The classifier's model versions, and the admin's retrain and switch; the list is read again after each. */
export function useModels() {
  const [list, setList] = useState<ModelList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'retrain' | number | null>(null);
  const [trained, setTrained] = useState<number | null>(null);

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      const fresh = await listModels(signal);
      setList(fresh);
      setError(null);
    } catch (e) {
      if (!signal?.aborted) setError(errorText(e, i18n.t('classification:loadFailed')));
    }
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    void reload(abort.signal);
    return () => abort.abort();
  }, [reload]);

  const run = async (what: 'retrain' | number, action: () => Promise<void>, failed: string) => {
    setBusy(what);
    try {
      await action();
      await reload();
    } catch (e) {
      setError(errorText(e, i18n.t(failed)));
    } finally {
      setBusy(null);
    }
  };

  return {
    list,
    error,
    busy,
    trained,
    retrain: () => run('retrain', async () => setTrained((await retrain()).version), 'classification:retrainFailed'),
    activate: (version: number) => run(version, () => activateModel(version), 'classification:switchFailed'),
  };
}
