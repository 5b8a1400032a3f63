import type { ChartView, Report, ReportFigures } from '../types';

export interface ChartLabels {
  conversations: string;
  within60: string;
  within120: string;
  within300: string;
  platformRate: string;
  resolved: string;
  slaWarnings: string;
  slaBreaches: string;
  preSaleChats: string;
  converted: string;
  conversionRate: string;
  flagged: string;
  overridden: string;
  satisfactionRate: string;
  badAttitudeRate: string;
  onlineHours: string;
  repliesSent: string;
  utilisation: string;
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The views without a percent axis: counts only. */
const COUNTS_ONLY: ChartView[] = ['sla'];

/**
 * The ECharts option of a report for one view, per group on the category axis:
 * - response: conversations as bars, first responses within 1, 2 and 5 minutes as percent lines;
 * - platform: conversations as bars, the platform's own indicator and the resolution rate as percent lines;
 * - sla: SLA warnings and breaches as bars;
 * - conversion: pre-sale chats and those converted into orders as bars, the conversion rate as a percent line;
 * - quality: compliance findings (flagged) and overrides as bars, satisfaction and bad-attitude rates as lines;
 * - workload (per agent, hour or shift): online hours and replies sent as bars, utilisation as a line.
 * A rate with nothing to count is a gap in its line, not a zero.
 */
export function chartOption(report: Report, view: ChartView, labels: ChartLabels) {
  const names = report.groups.map((g) => g.label ?? g.key);
  const bars = (name: string, pick: (g: ReportFigures) => number) => ({
    name, type: 'bar', yAxisIndex: 0, data: report.groups.map(pick),
  });
  const line = (name: string, pick: (g: ReportFigures) => number | null) => ({
    name, type: 'line', yAxisIndex: 1, connectNulls: false, data: report.groups.map((g) => percent(pick(g))),
  });
  const views: Record<ChartView, { axis: string; series: ReturnType<typeof bars | typeof line>[] }> = {
    response: {
      axis: labels.conversations,
      series: [
        bars(labels.conversations, (g) => g.conversations),
        line(labels.within60, (g) => g.firstResponse.within60Rate),
        line(labels.within120, (g) => g.firstResponse.within120Rate),
        line(labels.within300, (g) => g.firstResponse.within300Rate),
      ],
    },
    platform: {
      axis: labels.conversations,
      series: [
        bars(labels.conversations, (g) => g.conversations),
        line(labels.platformRate, (g) => g.platform.rate),
        line(labels.resolved, (g) => g.resolutionRate),
      ],
    },
    sla: {
      axis: labels.slaBreaches,
      series: [bars(labels.slaWarnings, (g) => g.slaWarnings), bars(labels.slaBreaches, (g) => g.slaBreaches)],
    },
    conversion: {
      axis: labels.preSaleChats,
      series: [
        bars(labels.preSaleChats, (g) => g.conversion.preSaleChats),
        bars(labels.converted, (g) => g.conversion.converted),
        line(labels.conversionRate, (g) => g.conversion.rate),
      ],
    },
    quality: {
      axis: labels.flagged,
      series: [
        bars(labels.flagged, (g) => g.compliance.flagged),
        bars(labels.overridden, (g) => g.compliance.overridden),
        line(labels.satisfactionRate, (g) => g.satisfaction.rate),
        line(labels.badAttitudeRate, (g) => g.satisfaction.badAttitudeRate),
      ],
    },
    workload: {
      axis: labels.onlineHours,
      series: [
        bars(labels.onlineHours, (g) => g.workload?.onlineHours ?? 0),
        bars(labels.repliesSent, (g) => g.messagesOut),
        line(labels.utilisation, (g) => g.workload?.utilisation ?? null),
      ],
    },
  };
  const chosen = views[view];
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: chosen.axis, minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, show: !COUNTS_ONLY.includes(view) },
    ],
    series: chosen.series,
  };
}
