import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { PlatformBadge } from '../../../components/PlatformBadge';
import { errorText } from '../../../lib/errors';
import { formatFull } from '../../../lib/format';
import { useLoad } from '../../../lib/use-load';
import { listSpam } from '../api/list-spam';
import { restoreSpam } from '../api/restore-spam';

/** Buyer messages recognised as advertising or junk: not routed, not counted; one click restores one. */
export function SpamFolderPage() {
  const { t } = useTranslation('quality');
  const { data, error, loading, reload, setData } = useLoad((signal) => listSpam(signal), [], 'quality:loadFailed');
  const [busy, setBusy] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  async function restore(id: number) {
    setBusy(id);
    setActionError(null);
    try {
      await restoreSpam(id);
      setData((list) => (list ?? []).filter((c) => c.conversationId !== id));
    } catch (e) {
      setActionError(errorText(e, t('spam.restoreFailed')));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="qpage" data-testid="spam-folder">
      <header className="qpage__header">
        <h1>{t('nav.spam')}</h1>
        <p className="qpage__lead">{t('spam.lead')}</p>
        <button type="button" className="button" onClick={reload}>
          {t('refresh')}
        </button>
      </header>
      {(error || actionError) && <p role="alert" className="qpage__error">{error ?? actionError}</p>}
      {loading && !data && <p>{t('loading')}</p>}
      {data && data.length === 0 && <p className="qpage__empty">{t('spam.empty')}</p>}
      <ul className="qlist">
        {data?.map((c) => (
          <li key={c.conversationId} className="qcard" data-testid="spam-item" data-conversation-id={c.conversationId}>
            <div className="qcard__head">
              <PlatformBadge platform={c.platform} /> <strong>{c.buyer.name}</strong>
              <span className="qcard__muted"> · {c.shopName}</span>
              {c.parkedAt && <span className="qcard__muted">{t('spam.parked', { time: formatFull(c.parkedAt) })}</span>}
              <span className="qpage__spacer" />
              <button
                type="button"
                className="button button--primary"
                data-testid="spam-restore"
                disabled={busy === c.conversationId}
                onClick={() => void restore(c.conversationId)}
              >
                {t('spam.restore')}
              </button>
            </div>
            {c.reason && <div className="qcard__muted">{t('spam.by', { reason: c.reason })}</div>}
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
