import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { planSummary } from '../hooks/plan-view';
import { useStaffingPlan } from '../hooks/useStaffingPlan';
import { ApplyPlan } from './ApplyPlan';
import { PlanForm } from './PlanForm';
import { PlanSummary } from './PlanSummary';
import { PlanTable } from './PlanTable';
import './staffing.css';

/**
 * The staffing plan of a day (supervisors, team leads): agents and standby each hour needs per buyer language,
 * against the roster's shifts; applying it adds the proposed standby to the roster and stores the surge windows.
 */
export function StaffingPlanPanel() {
  const { t } = useTranslation('staffing');
  const s = useStaffingPlan();
  const summary = s.plan && planSummary(s.plan);
  return (
    <section className="staffing" data-testid="staffing-plan" aria-labelledby="staffing-title">
      <h2 id="staffing-title">{t('title')}</h2>
      <p className="staffing__intro">{t('intro')}</p>
      <PlanForm draft={s.draft} errors={s.errors} shops={s.shops} busy={s.loading || s.apply.phase === 'applying'}
        onChange={s.change} onSubmit={s.submit} />
      <div aria-live="polite" className="staffing__status">
        {s.loading && <p>{t('planning')}</p>}
      </div>
      {s.error && (
        <p role="alert" className="staffing__invalid" data-testid="staffing-error">
          {s.error}
        </p>
      )}
      {s.plan && summary && (
        <div data-testid="staffing-result">
          <h3>{t('heading', { date: s.plan.date, zone: s.plan.zone })}</h3>
          <p>
            {t('basis', {
              conversations: formatNumber(s.plan.history.conversations, 0),
              days: s.plan.days,
              chats: s.plan.chatsPerAgent,
            })}
          </p>
          <div aria-live="polite">
            <PlanSummary summary={summary} />
          </div>
          <ApplyPlan state={s.apply} summary={summary} date={s.plan.date} onAsk={s.ask} onCancel={s.cancel} onConfirm={s.confirm} />
          <PlanTable plan={s.plan} />
        </div>
      )}
    </section>
  );
}
