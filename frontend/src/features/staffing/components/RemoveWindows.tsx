import { useTranslation } from 'react-i18next';
import type { RemoveState } from '../hooks/planned-windows';

/** "Remove planned windows", its confirmation, and how many the server removed or why it refused. */
export function RemoveWindows({ state, windows, date, busy, onAsk, onCancel, onConfirm }: {
  state: RemoveState;
  /** the stored windows' labels: nothing to remove when empty */
  windows: string[];
  date: string;
  /** something else is changing the day (the plan is being applied) */
  busy: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('staffing');
  return (
    <div className="staffing__apply" data-testid="staffing-windows-remove-area">
      {state.phase === 'confirming' ? (
        <div role="group" aria-labelledby="staffing-remove-question" data-testid="staffing-windows-confirm">
          <p id="staffing-remove-question">{t('windows.question', { windows: windows.join(', '), date })}</p>
          <button type="button" className="button button--primary" data-testid="staffing-windows-yes" autoFocus onClick={onConfirm}>
            {t('windows.yes')}
          </button>{' '}
          <button type="button" className="button" data-testid="staffing-windows-no" onClick={onCancel}>
            {t('windows.no')}
          </button>
        </div>
      ) : (
        windows.length > 0 && (
          <button type="button" className="button" data-testid="staffing-windows-remove"
            disabled={busy || state.phase === 'removing'} onClick={onAsk}>
            {state.phase === 'removing' ? t('windows.removing') : t('windows.remove')}
          </button>
        )
      )}
      <div aria-live="polite">
        {state.phase === 'removed' && <p data-testid="staffing-windows-removed">{t('windows.removed', { count: state.count })}</p>}
      </div>
      {state.phase === 'error' && (
        <p role="alert" className="staffing__invalid" data-testid="staffing-windows-remove-error">
          {state.message}
        </p>
      )}
    </div>
  );
}
