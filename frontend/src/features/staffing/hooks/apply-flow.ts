// The "apply to roster and surge" button's steps: idle → confirming → applying → applied | error.
import type { AppliedPlan } from '../api/types';
import { windowLabel } from './plan-view';

export type ApplyState =
  | { phase: 'idle' }
  | { phase: 'confirming' }
  | { phase: 'applying' }
  | { phase: 'applied'; standbyAdded: string[]; surgeWindows: string[] }
  | { phase: 'error'; message: string };

export type ApplyAction =
  | { type: 'ask' }
  | { type: 'cancel' }
  | { type: 'confirm' }
  | { type: 'done'; applied: AppliedPlan['applied'] }
  | { type: 'failed'; message: string }
  /** another plan is shown: what was applied or asked belongs to the old one */
  | { type: 'reset' };

export const APPLY_IDLE: ApplyState = { phase: 'idle' };

/** A step that does not fit the current phase changes nothing (a second click while applying sends nothing). */
export function applyReducer(state: ApplyState, action: ApplyAction): ApplyState {
  switch (action.type) {
    case 'ask':
      return state.phase === 'applying' || state.phase === 'confirming' ? state : { phase: 'confirming' };
    case 'cancel':
      return state.phase === 'confirming' ? APPLY_IDLE : state;
    case 'confirm':
      return state.phase === 'confirming' ? { phase: 'applying' } : state;
    case 'done':
      return state.phase === 'applying'
        ? { phase: 'applied', standbyAdded: action.applied.standbyAdded, surgeWindows: action.applied.surgeWindows.map(windowLabel) }
        : state;
    case 'failed':
      return state.phase === 'applying' ? { phase: 'error', message: action.message } : state;
    case 'reset':
      return state.phase === 'applying' ? state : APPLY_IDLE;
  }
}
