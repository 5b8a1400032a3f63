import { useTranslation } from 'react-i18next';
import type { RemoveState } from '../hooks/planned-windows';
import { ConfirmStep, type ConfirmHandlers } from './ConfirmStep';

const IDS = {
  area: 'staffing-windows-remove-area', confirm: 'staffing-windows-confirm', yes: 'staffing-windows-yes',
  no: 'staffing-windows-no', button: 'staffing-windows-remove', done: 'staffing-windows-removed',
  error: 'staffing-windows-remove-error',
};

/** "Remove planned windows", its confirmation, and how many the server removed or why it refused. */
export function RemoveWindows({ state, windows, date, busy, ...handlers }: {
  state: RemoveState;
  /** the stored windows' labels: nothing to remove when empty */
  windows: string[];
  date: string;
  /** something else is changing the day (the plan is being applied) */
  busy: boolean;
} & ConfirmHandlers) {
  const { t } = useTranslation('staffing');
  return (
    <ConfirmStep state={state} ids={IDS} question={t('windows.question', { windows: windows.join(', '), date })}
      yes={t('windows.yes')} no={t('windows.no')} button={t('windows.remove')} working={t('windows.removing')}
      disabled={busy} offered={windows.length > 0} done={(count) => t('windows.removed', { count })}
      {...handlers} />
  );
}
