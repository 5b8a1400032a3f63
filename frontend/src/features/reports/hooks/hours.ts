import type { Report, ReportFigures } from '../types';

/** A group with nothing in it: zero counts, and rates with nothing to divide by (gaps in a line). */
export function emptyFigures(key: string, label: string): ReportFigures {
  return {
    key,
    label,
    conversations: 0,
    buyers: 0,
    messagesIn: 0,
    messagesOut: 0,
    firstResponse: {
      answered: 0, unanswered: 0, medianSeconds: null, p90Seconds: null,
      within60Rate: null, within120Rate: null, within300Rate: null,
    },
    platform: { counted: 0, met: 0, rate: null },
    resolutionRate: null,
    slaWarnings: 0,
    slaBreaches: 0,
    satisfaction: { satisfied: 0, neutral: 0, dissatisfied: 0, badAttitude: 0, rate: null, badAttitudeRate: null },
    compliance: { flagged: 0, overridden: 0 },
    conversion: { preSaleChats: 0, converted: 0, rate: null },
  };
}

const pad = (h: number) => String(h).padStart(2, '0');

/** The group of a shift report holding the hours no shift covers has the empty key; its label in the user's language. */
export function withShiftLabels(report: Report, outside: string): Report {
  if (report.groupBy !== 'shift') return report;
  return { ...report, groups: report.groups.map((g) => (g.key === '' ? { ...g, label: outside } : g)) };
}

/**
 * A report per hour of day has a group only for the hours with figures; the chart reads the whole day, so the
 * missing hours (00 to 23) are added empty, in order. Other groupings are returned as they are.
 */
export function withEveryHour(report: Report): Report {
  if (report.groupBy !== 'hour') return report;
  const byKey = new Map(report.groups.map((g) => [g.key, g]));
  const groups = Array.from({ length: 24 }, (_, h) => {
    const key = pad(h);
    const label = `${key}:00–${pad((h + 1) % 24)}:00`;
    const found = byKey.get(key);
    if (found) return found;
    const empty = emptyFigures(key, label);
    return report.total.workload ? { ...empty, workload: { onlineHours: 0, averageChats: null, peakChats: 0, utilisation: null } } : empty;
  });
  return { ...report, groups };
}
