import { describe, expect, it } from 'vitest';
import { fromRoster, newShift, onRosterUpdated, toRoster, validateRoster } from './roster-form';

const roster = {
  zone: 'Asia/Kuala_Lumpur',
  shifts: [{ name: 'morning', start: '07:00', end: '15:00', zone: 'Asia/Kuala_Lumpur', lead: 'lin', agents: ['mei', 'arif'] }],
  standby: ['ola'],
};

describe('roster form', () => {
  it('round-trips the roster of the API', () => {
    const draft = fromRoster(roster);
    expect(validateRoster(draft)).toEqual({});
    expect(toRoster(draft)).toEqual(roster);
  });

  it('names every wrong field of every shift', () => {
    const draft = fromRoster(roster);
    draft.zone = 'Mars/Olympus';
    draft.shifts.push({ ...newShift('Asia/Bangkok'), name: 'morning', start: '25:00', end: '7:00', zone: 'Nowhere' });
    draft.shifts.push({ ...newShift(''), name: ' ', start: '22:00', end: '22:00', agents: ['mei'] });
    expect(validateRoster(draft)).toEqual({
      zone: 'roster.error.zone',
      'shift.1.name': 'roster.error.duplicate',
      'shift.1.start': 'roster.error.time',
      'shift.1.end': 'roster.error.time',
      'shift.1.zone': 'roster.error.zone',
      'shift.1.agents': 'roster.error.noAgents',
      'shift.2.name': 'roster.error.name',
      'shift.2.end': 'roster.error.sameTime',
    });
  });

  it('needs at least one shift, and leaves out an empty lead or zone', () => {
    expect(validateRoster(fromRoster({ zone: 'UTC', shifts: [] }))).toEqual({ shifts: 'roster.error.noShift' });
    const draft = fromRoster({ zone: 'UTC', shifts: [{ name: 'night', start: '23:00', end: '07:00', agents: ['mei'] }] });
    expect(toRoster(draft).shifts?.[0]).toEqual({ name: 'night', start: '23:00', end: '07:00', agents: ['mei'] });
  });
});

describe('a roster changed on the server while the editor is open', () => {
  const loaded = fromRoster(roster);
  const applied = fromRoster({ ...roster, standby: ['ola', 'u7', 'u9'] });

  it('is taken when the form has no unsaved edits', () => {
    expect(onRosterUpdated(fromRoster(roster), loaded, applied)).toBe('take');
  });

  it('is offered, not forced, when the form has unsaved edits', () => {
    const edited = fromRoster(roster);
    edited.shifts[0].start = '08:00';
    expect(onRosterUpdated(edited, loaded, applied)).toBe('offer');
  });

  it('changes nothing when the form already shows it, or is not open', () => {
    expect(onRosterUpdated(fromRoster(applied), loaded, applied)).toBe('ignore');
    // the server writes back each shift's zone; an empty zone in the form means the roster's
    const saved = fromRoster(roster);
    saved.shifts.push({ ...newShift(''), name: 'night', start: '23:00', end: '07:00', agents: ['mei'] });
    const echoed = fromRoster(toRoster(saved));
    echoed.shifts[1].zone = 'Asia/Kuala_Lumpur';
    expect(onRosterUpdated(saved, loaded, echoed)).toBe('ignore');
    expect(onRosterUpdated(null, null, applied)).toBe('ignore');
  });
});
