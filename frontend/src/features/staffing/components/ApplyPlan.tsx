import { useTranslation } from 'react-i18next';
import type { ApplyState } from '../hooks/apply-flow';
import type { PlanSummary } from '../hooks/plan-view';

/** The apply button, its confirmation (what will change), and what the server applied or why it refused. */
export function ApplyPlan({ state, summary, date, onAsk, onCancel, onConfirm }: {
  state: ApplyState;
  summary: PlanSummary;
  date: string;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('staffing');
  const list = (items: string[], empty: string) => items.join(', ') || empty;
  return (
    <div className="staffing__apply" data-testid="staffing-apply-area">
      {state.phase === 'confirming' ? (
        <div role="group" aria-labelledby="staffing-apply-question" data-testid="staffing-confirm">
          <p id="staffing-apply-question">
            {t('apply.question', {
              users: list(summary.standbyToAdd, t('nobody')),
              windows: list(summary.surgeWindows, t('none')),
              date,
            })}
          </p>
          <button type="button" className="button button--primary" data-testid="staffing-apply-yes" autoFocus onClick={onConfirm}>
            {t('apply.yes')}
          </button>{' '}
          <button type="button" className="button" data-testid="staffing-apply-no" onClick={onCancel}>
            {t('apply.no')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" data-testid="staffing-apply" disabled={state.phase === 'applying'} onClick={onAsk}>
          {state.phase === 'applying' ? t('apply.applying') : t('apply.button')}
        </button>
      )}
      <div aria-live="polite">
        {state.phase === 'applied' && (
          <p data-testid="staffing-applied">
            {t('apply.done', { users: list(state.standbyAdded, t('nobody')), windows: list(state.surgeWindows, t('none')) })}
          </p>
        )}
      </div>
      {state.phase === 'error' && (
        <p role="alert" className="staffing__invalid" data-testid="staffing-apply-error">
          {state.message}
        </p>
      )}
    </div>
  );
}
