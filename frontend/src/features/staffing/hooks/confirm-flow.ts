// A change made only after a confirmation (applying a plan, removing its windows):
// idle → confirming → working → done | error.
import { useReducer } from 'react';

export type ConfirmState<R> =
  | { phase: 'idle' }
  | { phase: 'confirming' }
  | { phase: 'working' }
  | { phase: 'done'; result: R }
  | { phase: 'error'; message: string };

export type ConfirmAction<R> =
  | { type: 'ask' }
  | { type: 'cancel' }
  | { type: 'confirm' }
  | { type: 'done'; result: R }
  | { type: 'failed'; message: string }
  /** another plan (or day) is shown: what was done or asked belongs to the old one */
  | { type: 'reset' };

export const CONFIRM_IDLE = { phase: 'idle' } as const;

/** A step that does not fit the current phase changes nothing (a second click while working sends nothing). */
export function confirmReducer<R>(state: ConfirmState<R>, action: ConfirmAction<R>): ConfirmState<R> {
  switch (action.type) {
    case 'ask':
      return state.phase === 'working' || state.phase === 'confirming' ? state : { phase: 'confirming' };
    case 'cancel':
      return state.phase === 'confirming' ? CONFIRM_IDLE : state;
    case 'confirm':
      return state.phase === 'confirming' ? { phase: 'working' } : state;
    case 'done':
      return state.phase === 'working' ? { phase: 'done', result: action.result } : state;
    case 'failed':
      return state.phase === 'working' ? { phase: 'error', message: action.message } : state;
    case 'reset':
      return state.phase === 'working' ? state : CONFIRM_IDLE;
  }
}

/** The state and steps of one confirmed change whose answer is R. */
export function useConfirmFlow<R>() {
  return useReducer(confirmReducer<R>, CONFIRM_IDLE as ConfirmState<R>);
}
