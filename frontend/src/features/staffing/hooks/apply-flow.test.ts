import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { APPLY_IDLE, applyReducer, type ApplyAction, type ApplyState } from './apply-flow';
import { serverErrorText } from './useStaffingPlan';

const run = (actions: ApplyAction[], from: ApplyState = APPLY_IDLE) => actions.reduce(applyReducer, from);
const applied = { standbyAdded: ['u7', 'u9'], surgeWindows: [{ start: '19:00', end: '23:00' }] };

describe('applying a plan', () => {
  it('asks for confirmation, applies, and shows what was applied', () => {
    expect(run([{ type: 'ask' }])).toEqual({ phase: 'confirming' });
    expect(run([{ type: 'ask' }, { type: 'confirm' }])).toEqual({ phase: 'applying' });
    expect(run([{ type: 'ask' }, { type: 'confirm' }, { type: 'done', applied }])).toEqual({
      phase: 'applied', standbyAdded: ['u7', 'u9'], surgeWindows: ['19:00–23:00'],
    });
  });

  it('goes back to idle when the confirmation is cancelled', () => {
    expect(run([{ type: 'ask' }, { type: 'cancel' }])).toEqual(APPLY_IDLE);
  });

  it('keeps the server error, and lets the user try again', () => {
    const failed = run([{ type: 'ask' }, { type: 'confirm' }, { type: 'failed', message: 'days must be 1..56 (bad_days)' }]);
    expect(failed).toEqual({ phase: 'error', message: 'days must be 1..56 (bad_days)' });
    expect(applyReducer(failed, { type: 'ask' })).toEqual({ phase: 'confirming' });
  });

  it('never applies without a confirmation, nor twice', () => {
    expect(run([{ type: 'confirm' }])).toEqual(APPLY_IDLE);
    const applying: ApplyState = { phase: 'applying' };
    expect(run([{ type: 'ask' }, { type: 'confirm' }, { type: 'reset' }], applying)).toEqual(applying);
    expect(run([{ type: 'done', applied }, { type: 'failed', message: 'late' }])).toEqual(APPLY_IDLE);
  });

  it('forgets the last result when another plan is shown', () => {
    expect(run([{ type: 'ask' }, { type: 'confirm' }, { type: 'done', applied }, { type: 'reset' }])).toEqual(APPLY_IDLE);
    expect(run([{ type: 'ask' }, { type: 'reset' }])).toEqual(APPLY_IDLE);
  });
});

describe('the errors the panel shows', () => {
  it('shows the server message with its code, so a refused parameter is named', () => {
    expect(serverErrorText(new ApiError(400, 'bad_days', 'days must be 1..56'), 'staffing:loadFailed')).toBe('days must be 1..56 (bad_days)');
  });

  it('uses the translated text of a known code, and the fallback for anything else', () => {
    expect(serverErrorText(new ApiError(0, 'network_error', ''), 'staffing:loadFailed')).toBe(
      'The server cannot be reached. Check the connection and try again.',
    );
    expect(serverErrorText(new ApiError(403, 'forbidden', 'supervisor or admin only'), 'staffing:applyFailed')).toBe(
      'You have no access to this. (forbidden)',
    );
    expect(serverErrorText(new Error('boom'), 'staffing:applyFailed')).toBe('Not applied.');
  });
});
