// The roster editor's state and checks (the server's RosterFile rules, shown per field before saving).
// Error values are keys of the supervisor catalog.
import { isTimeZone } from '../../../lib/i18n';
import { isClockTime } from '../../../lib/validate';

export interface ShiftDraft {
  name: string;
  start: string;
  end: string;
  zone: string;
  lead: string;
  agents: string[];
}

export interface RosterDraft {
  zone: string;
  shifts: ShiftDraft[];
  standby: string[];
}

export type RosterErrors = Record<string, string>;

interface RosterJson {
  zone?: string;
  shifts?: Partial<ShiftDraft>[];
  standby?: string[];
}

export function fromRoster(roster: unknown): RosterDraft {
  const r = (roster ?? {}) as RosterJson;
  return {
    zone: r.zone ?? 'UTC',
    shifts: (r.shifts ?? []).map((s) => ({
      name: s.name ?? '',
      start: s.start ?? '',
      end: s.end ?? '',
      zone: s.zone ?? '',
      lead: s.lead ?? '',
      agents: [...(s.agents ?? [])],
    })),
    standby: [...(r.standby ?? [])],
  };
}

export function newShift(zone: string): ShiftDraft {
  return { name: '', start: '09:00', end: '17:00', zone, lead: '', agents: [] };
}

/** Every problem at once, keyed by field: "zone", "shifts", "shift.<i>.name|start|end|zone|agents". */
export function validateRoster(d: RosterDraft): RosterErrors {
  const errors: RosterErrors = {};
  if (!d.zone.trim() || !isTimeZone(d.zone.trim())) errors.zone = 'roster.error.zone';
  if (d.shifts.length === 0) errors.shifts = 'roster.error.noShift';
  const seen = new Set<string>();
  d.shifts.forEach((s, i) => {
    const name = s.name.trim();
    if (!name || name.length > 40) errors[`shift.${i}.name`] = 'roster.error.name';
    else if (seen.has(name)) errors[`shift.${i}.name`] = 'roster.error.duplicate';
    seen.add(name);
    if (!isClockTime(s.start)) errors[`shift.${i}.start`] = 'roster.error.time';
    if (!isClockTime(s.end)) errors[`shift.${i}.end`] = 'roster.error.time';
    else if (s.start === s.end) errors[`shift.${i}.end`] = 'roster.error.sameTime';
    if (s.zone.trim() && !isTimeZone(s.zone.trim())) errors[`shift.${i}.zone`] = 'roster.error.zone';
    if (s.agents.length === 0) errors[`shift.${i}.agents`] = 'roster.error.noAgents';
  });
  return errors;
}

/** The JSON of PUT /api/shifts (the shape of config/shifts.yaml). */
export function toRoster(d: RosterDraft): RosterJson {
  return {
    zone: d.zone.trim(),
    shifts: d.shifts.map((s) => ({
      name: s.name.trim(),
      start: s.start,
      end: s.end,
      ...(s.zone.trim() ? { zone: s.zone.trim() } : {}),
      ...(s.lead ? { lead: s.lead } : {}),
      agents: s.agents,
    })),
    standby: d.standby,
  };
}

/** The roster as the server writes it back: every shift with its zone (the roster's when left empty). */
const normal = (d: RosterDraft) =>
  JSON.stringify(toRoster({ ...d, shifts: d.shifts.map((s) => ({ ...s, zone: s.zone.trim() || d.zone.trim() })) }));
const same = (a: RosterDraft, b: RosterDraft) => normal(a) === normal(b);

/**
 * What the open editor does when the roster changed on the server (`roster.updated`: a save, or a staffing plan
 * applied): nothing when the form already shows it, take it when the form has no unsaved edits (it still equals
 * what was last loaded or saved), else keep the edits and offer the new roster.
 */
export function onRosterUpdated(draft: RosterDraft | null, loaded: RosterDraft | null, incoming: RosterDraft): 'ignore' | 'take' | 'offer' {
  if (draft === null || same(draft, incoming)) return 'ignore';
  return loaded !== null && same(draft, loaded) ? 'take' : 'offer';
}
