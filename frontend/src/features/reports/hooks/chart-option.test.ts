import { describe, expect, it } from 'vitest';
import type { Report, ReportFigures } from '../types';
import { chartOption } from './chart-option';
import { labels } from './chart-labels.test-support';
import { emptyFigures } from './hours';

const figures = (key: string, conversations: number, within60: number | null): ReportFigures => {
  const empty = emptyFigures(key, `Shop ${key}`);
  return {
    ...empty,
    conversations,
    buyers: conversations,
    messagesIn: conversations,
    firstResponse: { ...empty.firstResponse, unanswered: conversations, within60Rate: within60,
      within120Rate: within60, within300Rate: within60 },
  };
};


describe('chartOption', () => {
  const report: Report = {
    groupBy: 'shop',
    from: '2026-11-01',
    to: '2026-11-07',
    groups: [figures('a', 4, 0.755), figures('b', 0, null)],
    total: figures('all', 4, 0.755),
  };

  it('draws conversations as bars and the response rates as percent lines with gaps where nothing was counted', () => {
    const option = chartOption(report, 'response', labels);
    expect(option.xAxis.data).toEqual(['Shop a', 'Shop b']);
    expect(option.series[0]).toMatchObject({ type: 'bar', data: [4, 0], name: 'Conversations' });
    expect(option.series[1]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [75.5, null], name: '≤ 1 min' });
    expect(option.series.map((s) => s.name)).toEqual(['Conversations', '≤ 1 min', '≤ 2 min', '≤ 5 min']);
  });

  it('tilts the labels when many groups share the axis', () => {
    const many = { ...report, groups: Array.from({ length: 10 }, (_, i) => figures(String(i), i, 0.5)) };
    expect(chartOption(many, 'response', labels).xAxis.axisLabel.rotate).toBe(30);
    expect(chartOption(report, 'response', labels).xAxis.axisLabel.rotate).toBe(0);
  });

  it('shows the platform indicator and resolution as percent lines, and SLA counts as bars', () => {
    const withSla = {
      ...report,
      groups: [
        { ...figures('a', 4, 0.5), platform: { counted: 4, met: 3, rate: 0.75 }, resolutionRate: 0.5, slaWarnings: 2, slaBreaches: 1 },
        figures('b', 0, null),
      ],
    };
    const platform = chartOption(withSla, 'platform', labels);
    expect(platform.series.map((s) => s.name)).toEqual(['Conversations', 'Platform', 'Resolved']);
    expect(platform.series[1]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [75, null] });
    expect(platform.series[2]).toMatchObject({ data: [50, null] });
    const sla = chartOption(withSla, 'sla', labels);
    expect(sla.series).toEqual([
      expect.objectContaining({ name: 'Warnings', type: 'bar', data: [2, 0] }),
      expect.objectContaining({ name: 'Breaches', type: 'bar', data: [1, 0] }),
    ]);
    expect(sla.yAxis[1].show).toBe(false);
  });

  it('shows pre-sale chats and conversions as bars and the conversion rate as a percent line', () => {
    const withOrders = {
      ...report,
      groups: [{ ...figures('a', 4, 0.5), conversion: { preSaleChats: 8, converted: 3, rate: 0.375 } }, figures('b', 0, null)],
    };
    const option = chartOption(withOrders, 'conversion', labels);
    expect(option.series).toEqual([
      expect.objectContaining({ name: 'Pre-sale', type: 'bar', data: [8, 0] }),
      expect.objectContaining({ name: 'Converted', type: 'bar', data: [3, 0] }),
      expect.objectContaining({ name: 'Conversion', type: 'line', yAxisIndex: 1, data: [37.5, null] }),
    ]);
    expect(option.yAxis[0].name).toBe('Pre-sale');
    expect(option.yAxis[1].show).toBe(true);
  });

  it('shows compliance findings and overrides as bars, satisfaction and bad attitude as percent lines', () => {
    const rated = {
      ...report,
      groups: [
        {
          ...figures('a', 4, 0.5),
          compliance: { flagged: 5, overridden: 2 },
          satisfaction: { satisfied: 3, neutral: 0, dissatisfied: 1, badAttitude: 1, rate: 0.75, badAttitudeRate: 1 },
        },
        figures('b', 0, null),
      ],
    };
    const option = chartOption(rated, 'quality', labels);
    expect(option.series).toEqual([
      expect.objectContaining({ name: 'Flagged', type: 'bar', data: [5, 0] }),
      expect.objectContaining({ name: 'Overridden', type: 'bar', data: [2, 0] }),
      expect.objectContaining({ name: 'Satisfied', type: 'line', data: [75, null] }),
      expect.objectContaining({ name: 'Bad attitude', type: 'line', data: [100, null] }),
    ]);
  });
});
