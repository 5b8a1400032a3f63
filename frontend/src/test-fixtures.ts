import type { PlanHour, PlannedWindow, StaffingPlan } from './features/staffing/api/types';
import type { ConversationSummary } from './lib/api-types';

// Sample API objects for the unit tests, each test overriding the fields it is about.

/** A normal pre-sale conversation of the Malaysian Shopee shop, assigned to Mei (agent, id 3). */
export function conversationSummary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 12,
    accountId: 'shopee-my-01',
    platform: 'shopee',
    shopName: 'Blossom Home MY',
    buyer: { id: '811200', name: 'aisyah.r' },
    language: 'ms',
    priority: 'normal',
    category: 'pre_sale',
    status: 'assigned',
    assignee: { id: 3, displayName: 'Mei (agent)' },
    lastMessage: null,
    waitingSince: null,
    createdAt: '2026-11-23T14:00:00Z',
    updatedAt: '2026-11-23T14:00:00Z',
    ...overrides,
  };
}

type ByLanguage = Record<string, number>;

/** One hour of a staffing plan; standbyNeeded and its split by language follow from the rest, as the API defines them. */
export function planHour(
  hour: number,
  demand: { arrivals: ByLanguage; agents: number; speakers: ByLanguage; onShift: number; onShiftSpeakers: ByLanguage },
  rates: { urgentRate?: number; regularRate?: number; occupancy?: number; urgentCeiling?: number; regularCeiling?: number } = {},
): PlanHour {
  const byLanguage: ByLanguage = {};
  for (const [language, wanted] of Object.entries(demand.speakers)) {
    const lacking = wanted - (demand.onShiftSpeakers[language] ?? 0);
    if (lacking > 0) byLanguage[language] = lacking;
  }
  return {
    hour,
    ...demand,
    urgentRate: rates.urgentRate ?? 0.995,
    regularRate: rates.regularRate ?? 0.97,
    occupancy: rates.occupancy ?? 0.42,
    urgentCeiling: rates.urgentCeiling ?? 1,
    regularCeiling: rates.regularCeiling ?? 1,
    standbyNeeded: Math.max(0, demand.agents - demand.onShift),
    standbyNeededByLanguage: byLanguage,
  };
}

/**
 * A Double Eleven plan of GET /api/staffing/plan: quiet nights, one Thai buyer at 09:00 with no Thai speaker on shift
 * (a language shortfall only), and a 19:00–23:00 peak that needs 4 more agents (3 Chinese speakers and 1 Thai one).
 * Standby proposes u7 and u9 but nobody left speaks Thai.
 */
export function staffingPlan(overrides: Partial<StaffingPlan> = {}): StaffingPlan {
  const quiet = { arrivals: { zh: 4, ms: 2 }, agents: 2, speakers: { zh: 1, ms: 1 }, onShift: 3, onShiftSpeakers: { zh: 2, ms: 1 } };
  const day = { arrivals: { zh: 20, ms: 8.5 }, agents: 4, speakers: { zh: 3, ms: 2 }, onShift: 5, onShiftSpeakers: { zh: 3, ms: 2 } };
  const hours = Array.from({ length: 24 }, (_, h) => {
    if (h === 9) {
      return planHour(h, { arrivals: { zh: 10, ms: 6, th: 2 }, agents: 3, speakers: { zh: 2, ms: 1, th: 1 }, onShift: 3,
        onShiftSpeakers: { zh: 2, ms: 1 } });
    }
    if (h >= 19 && h <= 21) {
      return planHour(h, { arrivals: { zh: 120, ms: 30, th: 6 }, agents: 9, speakers: { zh: 7, ms: 3, th: 1 }, onShift: 5,
        onShiftSpeakers: { zh: 4, ms: 3 } }, { urgentRate: 0.991, regularRate: 0.951, occupancy: 0.87 });
    }
    if (h === 22) {
      return planHour(h, { arrivals: { zh: 60, ms: 20, th: 3 }, agents: 7, speakers: { zh: 5, ms: 2, th: 1 }, onShift: 5,
        onShiftSpeakers: { zh: 4, ms: 3 } }, { occupancy: 0.8 });
    }
    return planHour(h, h >= 10 && h < 19 ? day : quiet);
  });
  return {
    date: '2026-11-11',
    zone: 'Asia/Kuala_Lumpur',
    days: 7,
    chatsPerAgent: 5,
    targets: { urgentSeconds: 60, urgentRate: 0.99, regularSeconds: 120, regularRate: 0.95 },
    history: { conversations: 1234, seatSeconds: 310, answerSeconds: 22, urgentShare: 0.21, defaults: false },
    hours,
    standby: {
      current: ['ola'],
      proposed: ['u7', 'u9'],
      needed: 4,
      neededByLanguage: { th: 1, zh: 3 },
      missing: { th: 1 },
      missingAgents: 1,
    },
    surgeWindows: [{ start: '19:00', end: '23:00', agents: ['u7', 'u9'] }],
    ...overrides,
  };
}

/**
 * The surge windows GET /api/staffing/windows lists for 11 November: the evening one lead1 stored this morning
 * (12:05 in Kuala Lumpur on the 10th), and a late one up to the day's end stored the evening before by a user removed since.
 */
export function plannedWindows(): PlannedWindow[] {
  return [
    { start: '22:00', end: '24:00', agents: ['u9'], by: null, at: '2026-11-09T15:30:00Z' },
    { start: '19:00', end: '21:00', agents: ['u7', 'u9'], by: 'lead1', at: '2026-11-10T04:05:00Z' },
  ];
}
