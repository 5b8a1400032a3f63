import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { errorText } from '../../../lib/errors';
import { currentTimeZone, i18n } from '../../../lib/i18n';
import { useLoad } from '../../../lib/use-load';
import { applyPlan } from '../api/apply-plan';
import { getPlan } from '../api/get-plan';
import { listShops } from '../api/list-shops';
import type { PlanParams, StaffingPlan } from '../api/types';
import { useConfirmFlow, type ConfirmState } from './confirm-flow';
import { refusalText } from './planned-windows';
import { windowLabel } from './plan-view';
import { newPlanDraft, toPlanParams, validatePlanDraft, type PlanDraft, type PlanErrors } from './plan-form';

/** What applying answered, as the panel shows it: who joined the standby and the windows stored. */
export interface Applied {
  standbyAdded: string[];
  surgeWindows: string[];
}

export type ApplyState = ConfirmState<Applied>;

/** The server's `{error, message}` with its code, so a 400 names the parameter it refused. */
export function serverErrorText(e: unknown, fallbackKey: string): string {
  const text = errorText(e, i18n.t(fallbackKey));
  return e instanceof ApiError && e.status > 0 && !text.includes(e.code) ? `${text} (${e.code})` : text;
}

/**
 * The staffing panel's state: the form, the plan shown with the parameters that made it (the apply sends those,
 * not fields edited since), and the apply steps.
 */
export function useStaffingPlan() {
  const [draft, setDraft] = useState<PlanDraft>(() => newPlanDraft(currentTimeZone()));
  const [errors, setErrors] = useState<PlanErrors>({});
  const [shown, setShown] = useState<{ plan: StaffingPlan; params: PlanParams } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [apply, dispatch] = useConfirmFlow<Applied>();
  const [forbidden, setForbidden] = useState<string | null>(null);
  const { data: shops } = useLoad((signal) => listShops(signal), [], 'staffing:shopsFailed');
  const loadAbort = useRef<AbortController | null>(null);

  useEffect(() => () => loadAbort.current?.abort(), []);

  const change = useCallback((change: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...change })), []);

  const submit = () => {
    const found = validatePlanDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setError(i18n.t('staffing:fix'));
      return;
    }
    const params = toPlanParams(draft);
    loadAbort.current?.abort();
    const abort = new AbortController();
    loadAbort.current = abort;
    setLoading(true);
    setError(null);
    getPlan(params, abort.signal)
      .then((plan) => {
        setShown({ plan, params });
        dispatch({ type: 'reset' });
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(serverErrorText(e, 'staffing:loadFailed'));
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
  };

  const confirm = () => {
    if (!shown || apply.phase !== 'confirming') return;
    dispatch({ type: 'confirm' });
    applyPlan(shown.params).then(
      (answer) => {
        const { applied, ...plan } = answer;
        setShown({ plan, params: shown.params });
        dispatch({
          type: 'done',
          result: { standbyAdded: applied.standbyAdded, surgeWindows: applied.surgeWindows.map(windowLabel) },
        });
      },
      (e: unknown) => {
        const refused = refusalText(e);
        if (refused) setForbidden(refused);
        dispatch({ type: 'failed', message: refused ?? serverErrorText(e, 'staffing:applyFailed') });
      },
    );
  };

  return {
    draft,
    errors,
    change,
    submit,
    shops: shops ?? [],
    loading,
    error,
    plan: shown?.plan ?? null,
    apply,
    /** the server's reason once it refused to apply (a supervisor of some shops only) */
    forbidden,
    ask: () => dispatch({ type: 'ask' }),
    cancel: () => dispatch({ type: 'cancel' }),
    confirm,
  };
}
