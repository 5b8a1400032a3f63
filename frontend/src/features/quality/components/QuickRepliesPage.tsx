import { useState } from 'react';
import { deleteQuickReply } from '../api/delete-quick-reply';
import { listQuickReplies } from '../api/list-quick-replies';
import { listRuleScopes } from '../api/list-rule-scopes';
import { saveQuickReply } from '../api/save-quick-reply';
import { errorMessage, useLoad } from '../hooks/useLoad';
import type { QuickReply, QuickReplyDraft } from '../types';

const LANGUAGES = ['en', 'zh', 'th', 'vi', 'ms'];
const EMPTY: QuickReplyDraft = { shortcut: '', title: '', accountId: null, team: null, variants: {} };

/**
 * Canned responses, shared by the whole team or one shop, with a text per language. Agents type
 * "/shortcut" in the composer; {buyerName}, {orderNumber}, {shopName} and {trackingLink} are filled in there.
 */
export function QuickRepliesPage() {
  const list = useLoad((signal) => listQuickReplies(signal), []);
  const shops = useLoad(async (signal) => (await listRuleScopes(signal)).filter((s) => s.scope.startsWith('shop:')), []);
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
      setError(errorMessage(e, 'Could not save it.'));
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: number) {
    try {
      await deleteQuickReply(id);
      list.reload();
    } catch (e) {
      setError(errorMessage(e, 'Could not delete it.'));
    }
  }

  return (
    <section className="qpage" data-testid="quick-replies">
      <header className="qpage__header">
        <h1>Quick replies</h1>
        <p className="qpage__lead">
          Type “/” and the shortcut in the composer. Variables: {'{buyerName}'}, {'{orderNumber}'}, {'{shopName}'},{' '}
          {'{trackingLink}'}. An inserted text is still checked against the shop's compliance rules.
        </p>
      </header>
      {(list.error || error) && <p role="alert" className="qpage__error">{list.error ?? error}</p>}
      <table className="qtable">
        <thead>
          <tr>
            <th>Shortcut</th>
            <th>Title</th>
            <th>Shared with</th>
            <th>Languages</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.data?.map((q) => (
            <tr key={q.id} data-testid="quick-reply-row">
              <td>/{q.shortcut}</td>
              <td>{q.title}</td>
              <td>
                {q.accountId ?? 'whole team'}
                {q.team ? ` · ${q.team}` : ''}
              </td>
              <td>{Object.keys(q.variants).join(', ')}</td>
              <td>
                <button type="button" className="link-button" onClick={() => edit(q)}>
                  edit
                </button>{' '}
                <button type="button" className="link-button" onClick={() => void remove(q.id)}>
                  delete
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
        <h2>{editing ? `Edit /${draft.shortcut}` : 'New quick reply'}</h2>
        <div className="qrow">
          <label className="qpage__field">
            Shortcut /
            <input value={draft.shortcut} onChange={(e) => setDraft({ ...draft, shortcut: e.target.value.toLowerCase() })} required />
          </label>
          <label className="qpage__field">
            Title <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} required />
          </label>
          <label className="qpage__field">
            Shared with{' '}
            <select value={draft.accountId ?? ''} onChange={(e) => setDraft({ ...draft, accountId: e.target.value || null })}>
              <option value="">the whole team</option>
              {shops.data?.map((s) => (
                <option key={s.scope} value={s.scope.slice(5)}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="qpage__field">
            Team label <input placeholder="after_sale" value={draft.team ?? ''} onChange={(e) => setDraft({ ...draft, team: e.target.value })} />
          </label>
        </div>
        <div className="qlists">
          {LANGUAGES.map((lang) => (
            <label key={lang} className="qlists__item">
              <span>{lang}</span>
              <textarea
                rows={3}
                value={draft.variants[lang] ?? ''}
                onChange={(e) => setDraft({ ...draft, variants: { ...draft.variants, [lang]: e.target.value } })}
              />
            </label>
          ))}
        </div>
        <div className="qrow">
          <button type="submit" className="button button--primary" disabled={busy}>
            {editing ? 'Save changes' : 'Create'}
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
              Cancel
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
