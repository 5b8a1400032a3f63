import { useCallback, useEffect, useState } from 'react';
import { checkReply } from '../api/check-reply';
import type { ReplyCheck } from '../types';

export interface CheckedDraft {
  /** The exact text that was checked (offsets refer to it). */
  text: string;
  check: ReplyCheck;
}

/**
 * The compliance check of the draft, re-run shortly after the agent stops typing; {@link checkNow} checks at
 * once (before sending). The server checks again when the reply is sent: this is for showing, not for trust.
 */
export function useReplyCheck(conversationId: number, text: string, delayMs = 300) {
  const [checked, setChecked] = useState<CheckedDraft | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!text.trim()) {
      setChecked(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      checkReply(conversationId, text, abort.signal)
        .then((check) => {
          setChecked({ text, check });
          setFailed(false);
        })
        .catch(() => {
          if (!abort.signal.aborted) setFailed(true);
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [conversationId, text, delayMs]);

  const checkNow = useCallback(
    async (draft: string): Promise<ReplyCheck | null> => {
      try {
        const check = await checkReply(conversationId, draft);
        setChecked({ text: draft, check });
        setFailed(false);
        return check;
      } catch {
        setFailed(true);
        return null;
      }
    },
    [conversationId],
  );

  return { checked: checked && checked.text === text ? checked : null, failed, checkNow };
}
