/** The staffing planner's wire types (GET /api/planner/scenarios, POST /api/planner/plan, GET /api/shifts). */
export interface ScenarioInfo {
  file: string;
  name: string;
  description: string;
}

export interface LanguageNeed {
  language: string;
  perHour: number;
  agents: number;
  rostered: number;
  standby: number;
}

export interface HourPlan {
  hour: number;
  agents: number;
  standby: number;
  languages: LanguageNeed[];
}

export interface StaffingPlan {
  source: 'scenario' | 'history';
  name?: string;
  zone: string;
  chatsPerAgent: number;
  hours: HourPlan[];
  targets: { urgentRate: number; urgentSeconds: number; regularRate: number; regularSeconds: number };
}

export interface RosterShift {
  name: string;
  start: string;
  end: string;
  agents: string[];
}

export interface RosterView {
  roster: { zone: string; shifts: RosterShift[]; standby: string[] };
}
