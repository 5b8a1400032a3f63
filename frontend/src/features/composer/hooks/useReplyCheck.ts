import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { checkReply } from '../api/check-reply';
import type { ReplyCheck } from '../types';

export interface CheckedDraft {
  /** The exact text that was checked (offsets refer to it). */
  text: string;
  check: ReplyCheck;
}

/** Why a check gave no verdict: the server refused the draft (a 4xx, e.g. too long) or could not be reached. */
export type CheckProblem = { kind: 'refused'; error: ApiError } | { kind: 'unreachable' };

export type CheckOutcome = { check: ReplyCheck } | { problem: CheckProblem };

/**
 * The compliance check of the draft, re-run shortly after the agent stops typing; {@link checkNow} checks at
 * once (before sending). The server checks again when the reply is sent: this is for showing, not for trust.
 * Drafts over `maxLength` are not sent for checking (the composer already says they are too long).
 */
export function useReplyCheck(conversationId: number, text: string, maxCheckable: number, delayMs = 300) {
  const [checked, setChecked] = useState<CheckedDraft | null>(null);
  const [problem, setProblem] = useState<CheckProblem | null>(null);

  const run = useCallback(
    async (draft: string, signal?: AbortSignal): Promise<CheckOutcome> => {
      try {
        const check = await checkReply(conversationId, draft, signal);
        setChecked({ text: draft, check });
        setProblem(null);
        return { check };
      } catch (e) {
        if (signal?.aborted) throw e;
        const found: CheckProblem =
          e instanceof ApiError && e.status >= 400 && e.status < 500 ? { kind: 'refused', error: e } : { kind: 'unreachable' };
        setProblem(found);
        return { problem: found };
      }
    },
    [conversationId],
  );

  useEffect(() => {
    if (!text.trim() || [...text].length > maxCheckable) {
      setChecked(null);
      setProblem(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => void run(text, abort.signal).catch(() => undefined), delayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [run, text, delayMs, maxCheckable]);

  return { checked: checked && checked.text === text ? checked : null, problem, checkNow: run };
}
