import { useEffect, useState } from 'react';
import { useLoad } from '../../../lib/use-load';
import { getWindows } from '../api/get-windows';
import { removeWindows } from '../api/remove-windows';
import type { AgentEventSource } from '../../../lib/api-types';
import type { StaffingPlan } from '../api/types';
import { useConfirmFlow } from './confirm-flow';
import { refusalText, windowsChangedOn } from './planned-windows';
import { serverErrorText } from './useStaffingPlan';

/**
 * The windows stored for the plan's day, read again whenever a plan is shown (a new one, or the one the apply
 * answered) or someone stores or removes that day's windows, and removing them after a confirmation. `forbidden`:
 * the server's reason once it refused the removal.
 */
export function usePlannedWindows(plan: StaffingPlan | null, events: AgentEventSource) {
  const date = plan?.date ?? null;
  const stored = useLoad((signal) => (date ? getWindows(date, signal) : Promise.resolve(null)), [plan], 'staffing:windows.failed');
  const [remove, dispatch] = useConfirmFlow<number>();
  const [forbidden, setForbidden] = useState<string | null>(null);

  useEffect(() => dispatch({ type: 'reset' }), [plan]);
  const { reload } = stored;
  useEffect(() => events.onEvent((e) => windowsChangedOn(e, date) && reload()), [events, date, reload]);

  const confirm = () => {
    if (!date || remove.phase !== 'confirming') return;
    dispatch({ type: 'confirm' });
    removeWindows(date).then(
      (answer) => {
        dispatch({ type: 'done', result: answer.removed });
        stored.reload();
      },
      (e: unknown) => {
        const refused = refusalText(e);
        if (refused) setForbidden(refused);
        dispatch({ type: 'failed', message: refused ?? serverErrorText(e, 'staffing:windows.removeFailed') });
      },
    );
  };

  return {
    // the answer of another day is not shown while this day's loads
    windows: stored.data && stored.data.date === date ? stored.data.windows : null,
    tailMinutes: stored.data?.tailMinutes ?? null,
    loading: stored.loading,
    error: stored.error,
    remove,
    forbidden,
    ask: () => dispatch({ type: 'ask' }),
    cancel: () => dispatch({ type: 'cancel' }),
    confirm,
  };
}
