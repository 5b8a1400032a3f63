import type { Report } from '../types';

export interface ChartLabels {
  conversations: string;
  within60: string;
  within120: string;
  within300: string;
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * The ECharts option of a report: conversations per group as bars (left axis) and the share of first
 * responses within 1, 2 and 5 minutes as lines (right axis, percent; a gap where there was nothing to count).
 */
export function chartOption(report: Report, labels: ChartLabels) {
  const names = report.groups.map((g) => g.label ?? g.key);
  const rate = (pick: (g: Report['total']) => number | null) => report.groups.map((g) => percent(pick(g)));
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: labels.conversations, minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100 },
    ],
    series: [
      { name: labels.conversations, type: 'bar', data: report.groups.map((g) => g.conversations) },
      { name: labels.within60, type: 'line', yAxisIndex: 1, connectNulls: false, data: rate((g) => g.firstResponse.within60Rate) },
      { name: labels.within120, type: 'line', yAxisIndex: 1, connectNulls: false, data: rate((g) => g.firstResponse.within120Rate) },
      { name: labels.within300, type: 'line', yAxisIndex: 1, connectNulls: false, data: rate((g) => g.firstResponse.within300Rate) },
    ],
  };
}
