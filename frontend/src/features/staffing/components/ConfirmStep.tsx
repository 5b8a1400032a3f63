import type { ReactNode } from 'react';
import type { ConfirmState } from '../hooks/confirm-flow';

/** The test ids of one confirmed change's parts (the browser tests find them by these). */
export interface ConfirmIds {
  area: string;
  confirm: string;
  yes: string;
  no: string;
  button: string;
  done: string;
  error: string;
}

/** What the buttons of a confirmed change call. */
export interface ConfirmHandlers {
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}

/** A change made only after a confirmation: its button, the question with yes and no, then the answer or the error. */
export function ConfirmStep<R>({ state, ids, question, yes, no, button, working, disabled = false, offered = true, done,
  onAsk, onCancel, onConfirm }: {
  state: ConfirmState<R>;
  ids: ConfirmIds;
  /** what will change, asked before it is done */
  question: string;
  yes: string;
  no: string;
  button: string;
  working: string;
  disabled?: boolean;
  /** false: nothing to change, no button */
  offered?: boolean;
  done: (result: R) => ReactNode;
} & ConfirmHandlers) {
  const questionId = `${ids.confirm}-question`;
  return (
    <div className="staffing__apply" data-testid={ids.area}>
      {state.phase === 'confirming' ? (
        <div role="group" aria-labelledby={questionId} data-testid={ids.confirm}>
          <p id={questionId}>{question}</p>
          <button type="button" className="button button--primary" data-testid={ids.yes} autoFocus onClick={onConfirm}>
            {yes}
          </button>{' '}
          <button type="button" className="button" data-testid={ids.no} onClick={onCancel}>
            {no}
          </button>
        </div>
      ) : (
        offered && (
          <button type="button" className="button" data-testid={ids.button}
            disabled={disabled || state.phase === 'working'} onClick={onAsk}>
            {state.phase === 'working' ? working : button}
          </button>
        )
      )}
      <div aria-live="polite">{state.phase === 'done' && <p data-testid={ids.done}>{done(state.result)}</p>}</div>
      {state.phase === 'error' && (
        <p role="alert" className="staffing__invalid" data-testid={ids.error}>
          {state.message}
        </p>
      )}
    </div>
  );
}
