import { useState } from 'react';
import { PlatformBadge } from '../../../components/PlatformBadge';
import { formatFull } from '../../../lib/format';
import { listSpam } from '../api/list-spam';
import { restoreSpam } from '../api/restore-spam';
import { errorMessage, useLoad } from '../hooks/useLoad';

/** Buyer messages recognised as advertising or junk: not routed, not counted; one click restores one. */
export function SpamFolderPage() {
  const { data, error, loading, reload, setData } = useLoad((signal) => listSpam(signal), []);
  const [busy, setBusy] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function restore(id: number) {
    setBusy(id);
    setActionError(null);
    try {
      await restoreSpam(id);
      setData((list) => (list ?? []).filter((c) => c.conversationId !== id));
    } catch (e) {
      setActionError(errorMessage(e, 'Could not restore it.'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="qpage" data-testid="spam-folder">
      <header className="qpage__header">
        <h1>Spam folder</h1>
        <p className="qpage__lead">
          Messages the shop's spam rules recognised as advertising or junk. They are not routed to agents and not
          counted in response rates. Restore one if it was a real buyer: it goes back to the queue.
        </p>
        <button type="button" className="button" onClick={reload}>
          Refresh
        </button>
      </header>
      {(error || actionError) && <p role="alert" className="qpage__error">{error ?? actionError}</p>}
      {loading && !data && <p>Loading…</p>}
      {data && data.length === 0 && <p className="qpage__empty">The spam folder is empty.</p>}
      <ul className="qlist">
        {data?.map((c) => (
          <li key={c.conversationId} className="qcard" data-testid="spam-item" data-conversation-id={c.conversationId}>
            <div className="qcard__head">
              <PlatformBadge platform={c.platform} /> <strong>{c.buyer.name}</strong>
              <span className="qcard__muted"> · {c.shopName}</span>
              {c.parkedAt && <span className="qcard__muted"> · parked {formatFull(c.parkedAt)}</span>}
              <span className="qpage__spacer" />
              <button
                type="button"
                className="button button--primary"
                data-testid="spam-restore"
                disabled={busy === c.conversationId}
                onClick={() => void restore(c.conversationId)}
              >
                Not spam: restore
              </button>
            </div>
            {c.reason && <div className="qcard__muted">Recognised by: {c.reason}</div>}
            <ul className="qcard__messages">
              {c.recentMessages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
