import { useTranslation } from 'react-i18next';
import type { AgentEventSource } from '../../../lib/api-types';
import { formatNumber } from '../../../lib/format';
import { storedDiffer, windowRows } from '../hooks/planned-windows';
import { applyRefusal, planSummary } from '../hooks/plan-view';
import { usePlannedWindows } from '../hooks/usePlannedWindows';
import { useStaffingPlan } from '../hooks/useStaffingPlan';
import { ApplyPlan } from './ApplyPlan';
import { PlannedWindows } from './PlannedWindows';
import { PlanForm } from './PlanForm';
import { PlanSummary } from './PlanSummary';
import { PlanTable } from './PlanTable';
import { RemoveWindows } from './RemoveWindows';
import './staffing.css';

/**
 * The staffing plan of a day (supervisors, team leads): agents and standby each hour needs per buyer language,
 * against the roster's shifts; applying it adds the proposed standby to the roster and stores the surge windows,
 * which are listed below it and may be removed. Once the server refuses either change (a supervisor of some shops
 * only), its reason replaces both buttons.
 */
/** @param mayApply the user oversees every shop; otherwise the plan is shown and applying is left to those who do */
export function StaffingPlanPanel({ mayApply, events }: { mayApply: boolean; events: AgentEventSource }) {
  const { t } = useTranslation('staffing');
  const s = useStaffingPlan();
  const w = usePlannedWindows(s.plan, events);
  const summary = s.plan && planSummary(s.plan);
  const rows = w.windows && windowRows(w.windows, new Date());
  const refused = applyRefusal(mayApply, t('applyNeedsAllShops'), s.forbidden, w.forbidden);
  return (
    <section className="staffing" data-testid="staffing-plan" aria-labelledby="staffing-title">
      <h2 id="staffing-title">{t('title')}</h2>
      <p className="staffing__intro">{t('intro')}</p>
      <PlanForm draft={s.draft} errors={s.errors} shops={s.shops} busy={s.loading || s.apply.phase === 'working'}
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
          {refused ? (
            <p role="alert" className="staffing__invalid" data-testid="staffing-forbidden">
              {refused}
            </p>
          ) : (
            <ApplyPlan state={s.apply} summary={summary} date={s.plan.date} onAsk={s.ask} onCancel={s.cancel} onConfirm={s.confirm} />
          )}
          <PlannedWindows date={s.plan.date} rows={rows} tailMinutes={w.tailMinutes} loading={w.loading} error={w.error}
            differ={!!w.windows && storedDiffer(w.windows, s.plan.surgeWindows)}>
            {!refused && rows && (
              <RemoveWindows state={w.remove} windows={rows.map((r) => r.label)} date={s.plan.date}
                busy={s.apply.phase === 'working'} onAsk={w.ask} onCancel={w.cancel} onConfirm={w.confirm} />
            )}
          </PlannedWindows>
          <PlanTable plan={s.plan} />
        </div>
      )}
    </section>
  );
}
