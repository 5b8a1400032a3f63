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
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * The ECharts option of a report for one view, per group on the category axis:
 * - response: conversations as bars, first responses within 1, 2 and 5 minutes as percent lines;
 * - platform: conversations as bars, the platform's own indicator and the resolution rate as percent lines;
 * - sla: SLA warnings and breaches as bars.
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
  const series =
    view === 'sla'
      ? [bars(labels.slaWarnings, (g) => g.slaWarnings), bars(labels.slaBreaches, (g) => g.slaBreaches)]
      : view === 'platform'
        ? [
            bars(labels.conversations, (g) => g.conversations),
            line(labels.platformRate, (g) => g.platform.rate),
            line(labels.resolved, (g) => g.resolutionRate),
          ]
        : [
            bars(labels.conversations, (g) => g.conversations),
            line(labels.within60, (g) => g.firstResponse.within60Rate),
            line(labels.within120, (g) => g.firstResponse.within120Rate),
            line(labels.within300, (g) => g.firstResponse.within300Rate),
          ];
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: view === 'sla' ? labels.slaBreaches : labels.conversations, minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, show: view !== 'sla' },
    ],
    series,
  };
}
