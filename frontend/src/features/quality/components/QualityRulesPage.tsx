import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/TableHead';
import { errorText } from '../../../lib/errors';
import { formatFull } from '../../../lib/format';
import { useLoad } from '../../../lib/use-load';
import { getRuleDocument } from '../api/get-rule-document';
import { listRuleScopes } from '../api/list-rule-scopes';
import { resetRuleDocument } from '../api/reset-rule-document';
import { saveRuleDocument } from '../api/save-rule-document';
import { entries, fromLines, read, toLines, write, type EditorProps } from '../hooks/rule-document';
import type { RuleDocument, RuleScopeDetail } from '../types';
import { AutoRepliesEditor } from './AutoRepliesEditor';

const ACTIONS = ['', 'off', 'warn', 'block'];

/**
 * The rule documents (word lists, policies, spam rules, auto-replies) per scope: all shops, a platform, a
 * shop. Admins edit them here; a save takes effect at once on every node. Supervisors can read them.
 */
export function QualityRulesPage() {
  const { t } = useTranslation('quality');
  const scopes = useLoad((signal) => listRuleScopes(signal), [], 'quality:loadFailed');
  const [scope, setScope] = useState('global');
  const [detail, setDetail] = useState<RuleScopeDetail | null>(null);
  const [draft, setDraft] = useState<RuleDocument>({});
  const [json, setJson] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    getRuleDocument(scope, abort.signal)
      .then((d) => show(d))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(e, t('rules.loadFailed')));
      });
    return () => abort.abort();
  }, [scope]);

  function show(d: RuleScopeDetail) {
    setDetail(d);
    setDraft(d.document);
    setJson(JSON.stringify(d.document, null, 2));
    setError(null);
  }

  function update(change: (doc: RuleDocument) => void) {
    setDraft((prev) => {
      const next = structuredClone(prev);
      change(next);
      setJson(JSON.stringify(next, null, 2));
      return next;
    });
  }

  async function save() {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      show(await saveRuleDocument(scope, draft));
      setMessage(t('rules.saved'));
      scopes.reload();
    } catch (e) {
      setError(errorText(e, t('rules.saveFailed')));
    } finally {
      setBusy(false);
    }
  }

  async function reset() {
    setBusy(true);
    try {
      show(await resetRuleDocument(scope));
      setMessage(t('rules.reset'));
      scopes.reload();
    } catch (e) {
      setError(errorText(e, t('rules.resetFailed')));
    } finally {
      setBusy(false);
    }
  }

  const editable = detail?.editable ?? false;
  return (
    <section className="qpage" data-testid="quality-rules">
      <header className="qpage__header">
        <h1>{t('nav.rules')}</h1>
        <label className="qpage__field">
          {t('rules.scope')}{' '}
          <select value={scope} onChange={(e) => setScope(e.target.value)} data-testid="rules-scope">
            {(scopes.data ?? [{ scope: 'global', label: t('rules.allShops') }]).map((s) => (
              <option key={s.scope} value={s.scope}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {detail && (
          <span className="qcard__muted">
            {detail.source === 'edited'
              ? t('rules.edited', { time: detail.updatedAt ? formatFull(detail.updatedAt) : '' })
              : detail.source === 'file'
                ? t('rules.file', { file: detail.file })
                : t('rules.nothing')}
          </span>
        )}
        <span className="qpage__spacer" />
        {editable && (
          <>
            {detail?.source === 'edited' && (
              <button type="button" className="button" disabled={busy} onClick={() => void reset()}>
                {t('rules.resetButton')}
              </button>
            )}
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()} data-testid="rules-save">
              {t('rules.save')}
            </button>
          </>
        )}
      </header>
      <p className="qpage__lead">
        {t('rules.lead')} {editable ? '' : t('rules.adminsOnly')}
      </p>
      {message && <p className="qpage__ok" role="status">{message}</p>}
      {error && <p role="alert" className="qpage__error" data-testid="rules-error">{error}</p>}

      <PolicyEditor draft={draft} editable={editable} update={update} />
      <ListsEditor draft={draft} editable={editable} update={update} />
      <AutoRepliesEditor draft={draft} editable={editable} update={update} />

      <details className="qsection">
        <summary>
          <h2 className="qsection__inline">{t('rules.json')}</h2>
        </summary>
        <textarea className="qjson" aria-label={t('rules.json')} value={json} readOnly={!editable} onChange={(e) => setJson(e.target.value)} rows={18} />
        {editable && (
          <button
            type="button"
            className="button"
            onClick={() => {
              try {
                setDraft(JSON.parse(json) as RuleDocument);
                setError(null);
              } catch {
                setError(t('rules.jsonInvalid'));
              }
            }}
          >
            {t('rules.useJson')}
          </button>
        )}
      </details>
    </section>
  );
}

function PolicyEditor({ draft, editable, update }: EditorProps) {
  const { t } = useTranslation('quality');
  const [key, setKey] = useState('');
  return (
    <section className="qsection">
      <h2>{t('rules.policy')}</h2>
      <table className="qtable">
        <TableHead t={t} prefix="rules." columns={['rule', 'action', 'override']} />
        <tbody>
          {entries(read(draft, ['policy'])).map(([k, v]) => {
            const p = (v ?? {}) as { action?: string; override?: boolean };
            return (
              <tr key={k}>
                <td>{k}</td>
                <td>
                  <select
                    disabled={!editable}
                    aria-label={t('rules.action')}
                    value={p.action ?? ''}
                    onChange={(e) => update((d) => write(d, ['policy', k, 'action'], e.target.value || undefined))}
                  >
                    {ACTIONS.map((a) => (
                      <option key={a} value={a}>
                        {a ? t(`rules.action.${a}`) : t('rules.inherit')}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    disabled={!editable}
                    aria-label={t('rules.override')}
                    value={p.override === undefined ? '' : String(p.override)}
                    onChange={(e) =>
                      update((d) => write(d, ['policy', k, 'override'], e.target.value === '' ? undefined : e.target.value === 'true'))
                    }
                  >
                    <option value="">{t('rules.inherit')}</option>
                    <option value="true">{t('rules.allowed')}</option>
                    <option value="false">{t('rules.never')}</option>
                  </select>
                  {editable && ' '}
                  {editable && (
                    <button type="button" className="link-button qtable__remove" onClick={() => update((d) => write(d, ['policy', k], undefined))}>
                      {t('rules.remove')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editable && (
        <div className="qrow">
          <input placeholder={t('rules.policyKey')} aria-label={t('rules.rule')} value={key} onChange={(e) => setKey(e.target.value.trim())} />
          <button
            type="button"
            className="button"
            disabled={!key}
            onClick={() => {
              update((d) => write(d, ['policy', key], { action: 'warn' }));
              setKey('');
            }}
          >
            {t('rules.addPolicy')}
          </button>
        </div>
      )}
    </section>
  );
}

function ListsEditor({ draft, editable, update }: EditorProps) {
  const { t } = useTranslation('quality');
  const [where, setWhere] = useState({ rule: 'platform', group: '', language: 'en' });
  const lists: { path: string[]; title: string }[] = [];
  for (const [rule, groups] of entries(read(draft, ['rules']))) {
    for (const [group, def] of entries(groups)) {
      for (const [language] of entries(read(def as RuleDocument, ['terms']))) {
        const label = read(def as RuleDocument, ['label']);
        lists.push({ path: ['rules', rule, group, 'terms', language], title: `${rule} · ${label ?? group} · ${language}` });
      }
    }
  }
  for (const [language] of entries(read(draft, ['allow']))) {
    lists.push({ path: ['allow', language], title: t('rules.allowList', { language }) });
  }
  for (const [language] of entries(read(draft, ['spam', 'terms']))) {
    lists.push({ path: ['spam', 'terms', language], title: t('rules.spamList', { language }) });
  }
  return (
    <section className="qsection">
      <h2>{t('rules.lists')}</h2>
      {lists.length === 0 && <p className="qpage__empty">{t('rules.noLists')}</p>}
      <div className="qlists">
        {lists.map((l) => (
          <label key={l.path.join('/')} className="qlists__item">
            <span>{l.title}</span>
            <textarea
              rows={4}
              readOnly={!editable}
              data-testid="rules-list"
              data-path={l.path.join('.')}
              value={toLines(read(draft, l.path))}
              onChange={(e) => update((d) => write(d, l.path, fromLines(e.target.value)))}
            />
          </label>
        ))}
      </div>
      {editable && (
        <div className="qrow">
          <select value={where.rule} aria-label={t('rules.listRule')} onChange={(e) => setWhere({ ...where, rule: e.target.value })}>
            {['absolute', 'confrontational', 'platform', 'allow', 'spam'].map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          {!['allow', 'spam'].includes(where.rule) && (
            <input placeholder={t('rules.group')} aria-label={t('rules.group')} value={where.group} onChange={(e) => setWhere({ ...where, group: e.target.value.trim() })} />
          )}
          <input placeholder={t('rules.language')} aria-label={t('rules.language')} size={6} value={where.language} onChange={(e) => setWhere({ ...where, language: e.target.value.trim() })} />
          <button
            type="button"
            className="button"
            disabled={!where.language || (!['allow', 'spam'].includes(where.rule) && !where.group)}
            onClick={() =>
              update((d) => {
                const path =
                  where.rule === 'allow'
                    ? ['allow', where.language]
                    : where.rule === 'spam'
                      ? ['spam', 'terms', where.language]
                      : ['rules', where.rule, where.group, 'terms', where.language];
                if (!Array.isArray(read(d, path))) write(d, path, []);
              })
            }
          >
            {t('rules.addList')}
          </button>
        </div>
      )}
    </section>
  );
}
