import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { TableHead } from '../../../components/TableHead';
import { errorText } from '../../../lib/errors';
import { useLoad } from '../../../lib/use-load';
import { deleteQuickReply } from '../api/delete-quick-reply';
import { listQuickReplies } from '../api/list-quick-replies';
import { listRuleScopes } from '../api/list-rule-scopes';
import { saveQuickReply } from '../api/save-quick-reply';
import type { QuickReply, QuickReplyDraft } from '../types';

const LANGUAGES = ['en', 'zh', 'th', 'vi', 'ms'];
const EMPTY: QuickReplyDraft = { shortcut: '', title: '', accountId: null, team: null, variants: {} };

/**
 * Canned responses, shared by the whole team or one shop, with a text per language. Agents type
 * "/shortcut" in the composer; {buyerName}, {orderNumber}, {shopName} and {trackingLink} are filled in there.
 */
export function QuickRepliesPage() {
  const { t } = useTranslation('quality');
  const list = useLoad((signal) => listQuickReplies(signal), [], 'quality:loadFailed');
  const shops = useLoad(async (signal) => (await listRuleScopes(signal)).filter((s) => s.scope.startsWith('shop:')), [],
    'quality:loadFailed');
  const [draft, setDraft] = useState<QuickReplyDraft>(EMPTY);
  const [editing, setEditing] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function edit(q: QuickReply) {
    setEditing(q.id);
    setDraft({ shortcut: q.shortcut, title: q.title, accountId: q.accountId, team: q.team, variants: { ...q.variants } });
    setError(null);
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const variants = Object.fromEntries(Object.entries(draft.variants).filter(([, t]) => t.trim().length > 0));
      await saveQuickReply({ ...draft, team: draft.team || null, variants }, editing);
      setDraft(EMPTY);
      setEditing(undefined);
      list.reload();
    } catch (e) {
      setError(errorText(e, t('qr.saveFailed')));
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: number) {
    try {
      await deleteQuickReply(id);
      list.reload();
    } catch (e) {
      setError(errorText(e, t('qr.deleteFailed')));
    }
  }

  return (
    <section className="qpage" data-testid="quick-replies">
      <header className="qpage__header">
        <h1>{t('nav.quick-replies')}</h1>
        <p className="qpage__lead">{t('qr.lead')}</p>
      </header>
      {(list.error || error) && <p role="alert" className="qpage__error">{list.error ?? error}</p>}
      <table className="qtable">
        <TableHead t={t} prefix="qr." columns={['shortcut', 'title', 'shared', 'languages', 'actions']} />
        <tbody>
          {list.data?.map((q) => (
            <tr key={q.id} data-testid="quick-reply-row">
              <td>/{q.shortcut}</td>
              <td>{q.title}</td>
              <td>
                {q.accountId ?? t('qr.wholeTeam')}
                {q.team ? ` · ${q.team}` : ''}
              </td>
              <td>{Object.keys(q.variants).join(', ')}</td>
              <td>
                <button type="button" className="link-button" onClick={() => edit(q)}>
                  {t('qr.edit')}
                </button>{' '}
                <button type="button" className="link-button" onClick={() => void remove(q.id)}>
                  {t('qr.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form
        className="qsection qform"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>{editing ? t('qr.editing', { shortcut: draft.shortcut }) : t('qr.new')}</h2>
        <div className="qrow">
          <label className="qpage__field">
            {t('qr.shortcutField')}
            <input value={draft.shortcut} onChange={(e) => setDraft({ ...draft, shortcut: e.target.value.toLowerCase() })} required />
          </label>
          <label className="qpage__field">
            {t('qr.title')} <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} required />
          </label>
          <label className="qpage__field">
            {t('qr.shared')}{' '}
            <select value={draft.accountId ?? ''} onChange={(e) => setDraft({ ...draft, accountId: e.target.value || null })}>
              <option value="">{t('qr.theWholeTeam')}</option>
              {shops.data?.map((s) => (
                <option key={s.scope} value={s.scope.slice(5)}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="qpage__field">
            {t('qr.team')} <input placeholder="after_sale" value={draft.team ?? ''} onChange={(e) => setDraft({ ...draft, team: e.target.value })} />
          </label>
        </div>
        <div className="qlists">
          {LANGUAGES.map((lang) => (
            <label key={lang} className="qlists__item">
              <span>{lang}</span>
              <textarea
                rows={3}
                aria-label={t('qr.text', { language: lang })}
                value={draft.variants[lang] ?? ''}
                onChange={(e) => setDraft({ ...draft, variants: { ...draft.variants, [lang]: e.target.value } })}
              />
            </label>
          ))}
        </div>
        <div className="qrow">
          <button type="submit" className="button button--primary" disabled={busy}>
            {editing ? t('qr.saveChanges') : t('qr.create')}
          </button>
          {editing && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(undefined);
                setDraft(EMPTY);
              }}
            >
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
