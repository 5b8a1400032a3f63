import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../lib/api-types';
import { errorText } from '../../../lib/errors';
import { getSatisfactionState } from '../api/get-satisfaction-state';
import { inviteRating } from '../api/invite-rating';

/**
 * "Invite rating" in a conversation's header: only for a solved conversation; otherwise it explains why.
 * The invite goes to the buyer as a message; their answer in chat is stored as the rating.
 */
export function SatisfactionInvite({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation('quality');
  const solved = conversation.status === 'closed';
  const [note, setNote] = useState<string | null>(null);
  const [invited, setInvited] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setNote(null);
    setInvited(false);
    if (!solved) return;
    const abort = new AbortController();
    getSatisfactionState(conversation.id, abort.signal)
      .then((state) => {
        if (!state.canInvite && state.why) {
          setInvited(state.history.some((h) => h.kind === 'invite'));
          setNote(state.why);
        }
      })
      .catch(() => undefined);
    return () => abort.abort();
  }, [conversation.id, solved]);

  async function invite() {
    if (!solved) {
      setNote(t('invite.whyNot'));
      return;
    }
    setBusy(true);
    try {
      await inviteRating(conversation.id);
      setInvited(true);
      setNote(t('invite.sent'));
    } catch (e) {
      setNote(errorText(e, t('invite.failed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="invite">
      <button
        type="button"
        className="button"
        data-testid="invite-rating"
        aria-disabled={!solved || invited}
        disabled={busy || invited}
        title={solved ? t('invite.title') : t('invite.whyNot')}
        onClick={() => void invite()}
      >
        {invited ? t('invite.done') : t('invite.button')}
      </button>
      {note && (
        <span className="invite__note" role="status" data-testid="invite-rating-note">
          {note}
        </span>
      )}
    </span>
  );
}
