import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { planHour, plannedWindows, staffingPlan } from '../../../test-fixtures';
import { newPlanDraft } from '../hooks/plan-form';
import { windowRows } from '../hooks/planned-windows';
import { planSummary } from '../hooks/plan-view';
import { ApplyPlan } from './ApplyPlan';
import { PlanForm } from './PlanForm';
import { PlanSummary } from './PlanSummary';
import { PlanTable } from './PlanTable';
import { PlannedWindows } from './PlannedWindows';
import { RemoveWindows } from './RemoveWindows';

const plan = staffingPlan();
const summary = planSummary(plan);
const none = () => undefined;

describe('the staffing panel markup', () => {
  it('heads the table and marks the short hours in words, not only by colour', () => {
    const html = renderToStaticMarkup(<PlanTable plan={plan} />);
    expect(html).toContain('<caption>');
    expect(html.match(/<th scope="col">/g)).toHaveLength(9);
    expect(html.match(/data-testid="staffing-hour"/g)).toHaveLength(24);
    expect(html.match(/⚠ Short/g)).toHaveLength(5);
    expect(html).toMatch(/data-hour="20" data-short="true"[^>]*><th scope="row">20:00–21:00<strong[^>]*>⚠ Short<\/strong>/);
    expect(html).toContain('ZH 120 · MS 30 · TH 6');
    expect(html).toContain('>ZH 3, TH 1<');
    expect(html).not.toContain('staffing-ceiling');
  });

  it('tells in the hour when the answer times alone put a target out of reach', () => {
    const slow = staffingPlan();
    slow.hours[20] = planHour(20, { arrivals: { zh: 120 }, agents: 9, speakers: { zh: 7 }, onShift: 5, onShiftSpeakers: { zh: 4 } },
      { urgentRate: 0.93, urgentCeiling: 0.94 });
    const html = renderToStaticMarkup(<PlanTable plan={slow} />);
    expect(html.match(/data-testid="staffing-ceiling"/g)).toHaveLength(1);
    expect(html).toMatch(/data-hour="20"[^>]*><th scope="row">20:00–21:00<strong[^>]*>⚠ Short<\/strong><small[^>]*data-target="urgent">/);
    expect(html).toContain('Answer times alone put 6% of urgent chats past 60 s; more agents cannot fix that.');
    expect(html).toContain('93% (below target)');
  });

  it('warns about a language nobody left can cover, and lists the standby to add', () => {
    const html = renderToStaticMarkup(<PlanSummary summary={summary} />);
    expect(html).toContain('⚠ No TH speaker left to add (1 still lacking).');
    expect(html).toMatch(/data-testid="staffing-standby-add">u7, u9</);
    expect(html).toMatch(/data-testid="staffing-surge-windows">19:00–23:00</);
    expect(html).toContain('the busiest hour still lacks 1 agent(s)');
    expect(html).not.toContain('staffing-assumed-times');
  });

  it('says when the handling times are assumed for lack of history', () => {
    const young = staffingPlan({
      history: { conversations: 3, seatSeconds: 300, answerSeconds: 30, urgentShare: 0, defaults: true },
    });
    const html = renderToStaticMarkup(<PlanSummary summary={planSummary(young)} />);
    expect(html).toContain('300 s per chat and 30 s to the first answer are assumed');
  });

  it('says what applying will do before it is done, and what was done after', () => {
    const confirm = renderToStaticMarkup(
      <ApplyPlan state={{ phase: 'confirming' }} summary={summary} date={plan.date} onAsk={none} onCancel={none} onConfirm={none} />,
    );
    expect(confirm).toContain('Add u7, u9 to the standby and store the surge windows 19:00–23:00 for 2026-11-11?');
    expect(confirm).toContain('data-testid="staffing-apply-no"');
    const applied = renderToStaticMarkup(
      <ApplyPlan state={{ phase: 'done', result: { standbyAdded: [], surgeWindows: ['19:00–23:00'] } }} summary={summary} date={plan.date}
        onAsk={none} onCancel={none} onConfirm={none} />,
    );
    expect(applied).toContain('Applied. Standby added: nobody. Surge windows stored: 19:00–23:00.');
    const failed = renderToStaticMarkup(
      <ApplyPlan state={{ phase: 'error', message: 'peak: bad format (bad_peak)' }} summary={summary} date={plan.date}
        onAsk={none} onCancel={none} onConfirm={none} />,
    );
    expect(failed).toMatch(/role="alert"[^>]*>peak: bad format \(bad_peak\)</);
  });

  it('labels every input and ties an error to its field', () => {
    const html = renderToStaticMarkup(
      <PlanForm draft={{ ...newPlanDraft('UTC'), peak: '20-22' }} errors={{ peak: 'error.peakFormat' }} shops={[]} busy={false}
        onChange={none} onSubmit={none} />,
    );
    expect(html.match(/<label/g)).toHaveLength(9);
    const peak = /data-testid="staffing-peak" aria-invalid="true" aria-describedby="(\S+)-hint (\S+)-error"/.exec(html);
    expect(peak?.[1]).toBe(peak?.[2]);
    expect(html).toContain(`<small id="${peak?.[1]}-error" class="staffing__invalid" data-testid="staffing-error-peak">` +
      'Write the peak as HH:MM–HH:MM × N, e.g. 20:00–22:00 × 10.</small>');
    expect(html.match(/aria-invalid/g)).toHaveLength(1);
  });

  it('lists the stored windows with the agents they call, who stored them and when, and says when there are none', () => {
    const rows = windowRows(plannedWindows(), new Date('2026-11-10T06:00:00Z'), { locale: 'en', timeZone: 'Asia/Kuala_Lumpur' });
    const html = renderToStaticMarkup(<PlannedWindows date="2026-11-11" rows={rows} tailMinutes={10} loading={false} error={null} differ />);
    expect(html).toContain('Surge windows stored for 2026-11-11');
    expect(html).toMatch(/data-window="19:00–21:00">19:00–21:00 calls u7, u9, stored by lead1 at 12:05</);
    expect(html).toMatch(/data-window="22:00–24:00">22:00–24:00 calls u9, stored by a removed user at Nov 9 23:30</);
    expect(html).toContain('These are not this plan’s windows: applying the plan replaces them.');
    expect(html).toMatch(/data-testid="staffing-windows-tail">When a window ends, its agents are called back for another 10 minutes whenever buyers wait/);
    const none = renderToStaticMarkup(<PlannedWindows date="2026-11-11" rows={[]} tailMinutes={10} loading={false} error={null} differ={false} />);
    expect(none).toContain('data-testid="staffing-windows-none">No surge windows are stored for this day.<');
    expect(none).not.toContain('staffing-windows-differ');
    expect(none).not.toContain('staffing-windows-tail');
    const failed = renderToStaticMarkup(
      <PlannedWindows date="2026-11-11" rows={null} tailMinutes={null} loading={false} error="Could not read the stored windows." differ={false} />,
    );
    expect(failed).toMatch(/role="alert"[^>]*>Could not read the stored windows.</);
    expect(failed).not.toContain('Reading the stored windows');
  });

  it('removes the windows only after saying which, and offers nothing when none are stored', () => {
    const remove = (state: Parameters<typeof RemoveWindows>[0]['state'], windows = ['19:00–21:00', '22:00–24:00'], busy = false) =>
      renderToStaticMarkup(<RemoveWindows state={state} windows={windows} date="2026-11-11" busy={busy}
        onAsk={none} onCancel={none} onConfirm={none} />);
    expect(remove({ phase: 'idle' })).toMatch(/<button[^>]*data-testid="staffing-windows-remove">Remove planned windows</);
    expect(remove({ phase: 'idle' }, [], false)).not.toContain('staffing-windows-remove"');
    expect(remove({ phase: 'idle' }, undefined, true)).toMatch(/data-testid="staffing-windows-remove" disabled=""/);
    expect(remove({ phase: 'confirming' })).toContain(
      'Remove the surge windows 19:00–21:00, 22:00–24:00 stored for 2026-11-11? Their agents are then called only when surge switches the whole standby pool on; the standby stays.',
    );
    expect(remove({ phase: 'done', result: 2 }, [])).toContain('Planned windows removed: 2.');
    expect(remove({ phase: 'error', message: 'The windows were not removed.' })).toMatch(/role="alert"[^>]*>The windows were not removed.</);
  });
});
