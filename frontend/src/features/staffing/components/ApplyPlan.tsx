import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../hooks/plan-view';
import type { ApplyState } from '../hooks/useStaffingPlan';
import { ConfirmStep, type ConfirmHandlers } from './ConfirmStep';

const IDS = {
  area: 'staffing-apply-area', confirm: 'staffing-confirm', yes: 'staffing-apply-yes', no: 'staffing-apply-no',
  button: 'staffing-apply', done: 'staffing-applied', error: 'staffing-apply-error',
};

/** The apply button, its confirmation (what will change), and what the server applied or why it refused. */
export function ApplyPlan({ state, summary, date, ...handlers }: {
  state: ApplyState;
  summary: PlanSummary;
  date: string;
} & ConfirmHandlers) {
  const { t } = useTranslation('staffing');
  const list = (items: string[], empty: string) => items.join(', ') || empty;
  return (
    <ConfirmStep state={state} ids={IDS}
      question={t('apply.question', {
        users: list(summary.standbyToAdd, t('nobody')),
        windows: list(summary.surgeWindows, t('none')),
        date,
      })}
      yes={t('apply.yes')} no={t('apply.no')} button={t('apply.button')} working={t('apply.applying')}
      done={(r) => t('apply.done', { users: list(r.standbyAdded, t('nobody')), windows: list(r.surgeWindows, t('none')) })}
      {...handlers} />
  );
}
