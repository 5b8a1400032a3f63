// The JSON of GET /api/staffing/plan and POST /api/staffing/plan/apply (buyer languages are the keys of the maps).

/** The parameters both calls take; left out, the server uses its default. Rates are shares (0.99), not percents. */
export interface PlanParams {
  /** YYYY-MM-DD in the roster's zone (server default: tomorrow) */
  date?: string;
  /** days of history averaged, 1..56 */
  days?: number;
  /** one shop account id (default: every shop the caller may see) */
  account?: string;
  /** scales the whole forecast, 0.1..100 */
  multiplier?: number;
  /** `HH:MM-HH:MMxN`: those hours' forecast times N */
  peak?: string;
  urgentSeconds?: number;
  urgentRate?: number;
  regularSeconds?: number;
  regularRate?: number;
}

export type ByLanguage = Record<string, number>;

export interface PlanHour {
  hour: number;
  arrivals: ByLanguage;
  agents: number;
  speakers: ByLanguage;
  urgentRate: number;
  regularRate: number;
  occupancy: number;
  /** the share of urgent chats whose first answer alone fits in the urgent window: no staffing does better (1 mostly) */
  urgentCeiling: number;
  /** the same for the regular window */
  regularCeiling: number;
  onShift: number;
  onShiftSpeakers: ByLanguage;
  standbyNeeded: number;
  standbyNeededByLanguage: ByLanguage;
}

export interface TimeWindow {
  start: string;
  end: string;
}

/** A planned surge window: the standby agents (usernames) it makes routable in its hours. */
export interface SurgeWindow extends TimeWindow {
  agents: string[];
}

export interface StaffingPlan {
  date: string;
  zone: string;
  days: number;
  chatsPerAgent: number;
  targets: { urgentSeconds: number; urgentRate: number; regularSeconds: number; regularRate: number };
  /** defaults: too little history, so 300 s seat and 30 s answer times were assumed */
  history: { conversations: number; seatSeconds: number; answerSeconds: number; urgentShare: number; defaults: boolean };
  hours: PlanHour[];
  /** missingAgents: agents still lacking in all once every candidate is in standby */
  standby: {
    current: string[];
    proposed: string[];
    needed: number;
    neededByLanguage: ByLanguage;
    missing: ByLanguage;
    missingAgents: number;
  };
  surgeWindows: SurgeWindow[];
}

export interface AppliedPlan extends StaffingPlan {
  applied: { standbyAdded: string[]; surgeWindows: SurgeWindow[] };
}

/** A surge window stored for a day (GET /api/staffing/windows): who stored it and when (ISO instant). */
export interface PlannedWindow extends SurgeWindow {
  /** the username; null when that user was removed since */
  by: string | null;
  at: string;
}

export interface PlannedWindows {
  date: string;
  windows: PlannedWindow[];
  /** after a window ends, its agents stay on call this long while buyers wait */
  tailMinutes: number;
}

/** DELETE /api/staffing/windows */
export interface RemovedWindows {
  date: string;
  removed: number;
}

export interface Shop {
  id: string;
  shopName: string;
  platform: string;
}
