import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { CONFIRM_IDLE, confirmReducer, type ConfirmAction, type ConfirmState } from './confirm-flow';
import { serverErrorText, type Applied } from './useStaffingPlan';

const run = (actions: ConfirmAction<Applied>[], from: ConfirmState<Applied> = CONFIRM_IDLE) =>
  actions.reduce<ConfirmState<Applied>>(confirmReducer, from);
const applied: Applied = { standbyAdded: ['u7', 'u9'], surgeWindows: ['19:00–23:00'] };

describe('a change made after a confirmation (applying a plan, removing its windows)', () => {
  it('asks for confirmation, works, and keeps what the server answered', () => {
    expect(run([{ type: 'ask' }])).toEqual({ phase: 'confirming' });
    expect(run([{ type: 'ask' }, { type: 'confirm' }])).toEqual({ phase: 'working' });
    expect(run([{ type: 'ask' }, { type: 'confirm' }, { type: 'done', result: applied }])).toEqual({
      phase: 'done', result: applied,
    });
    const removed = [{ type: 'ask' }, { type: 'confirm' }, { type: 'done', result: 2 }] as ConfirmAction<number>[];
    expect(removed.reduce<ConfirmState<number>>(confirmReducer, CONFIRM_IDLE)).toEqual({ phase: 'done', result: 2 });
  });

  it('goes back to idle when the confirmation is cancelled', () => {
    expect(run([{ type: 'ask' }, { type: 'cancel' }])).toEqual(CONFIRM_IDLE);
  });

  it('keeps the server error, and lets the user try again', () => {
    const failed = run([{ type: 'ask' }, { type: 'confirm' }, { type: 'failed', message: 'days must be 1..56 (bad_days)' }]);
    expect(failed).toEqual({ phase: 'error', message: 'days must be 1..56 (bad_days)' });
    expect(confirmReducer(failed, { type: 'ask' })).toEqual({ phase: 'confirming' });
  });

  it('never works without a confirmation, nor twice', () => {
    expect(run([{ type: 'confirm' }])).toEqual(CONFIRM_IDLE);
    const working: ConfirmState<Applied> = { phase: 'working' };
    expect(run([{ type: 'ask' }, { type: 'confirm' }, { type: 'reset' }], working)).toEqual(working);
    expect(run([{ type: 'done', result: applied }, { type: 'failed', message: 'late' }])).toEqual(CONFIRM_IDLE);
  });

  it('forgets the last result when another plan is shown', () => {
    expect(run([{ type: 'ask' }, { type: 'confirm' }, { type: 'done', result: applied }, { type: 'reset' }])).toEqual(CONFIRM_IDLE);
    expect(run([{ type: 'ask' }, { type: 'reset' }])).toEqual(CONFIRM_IDLE);
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
