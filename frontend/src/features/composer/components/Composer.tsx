import { useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { codePoints, type ComposerSlotProps } from '../../../lib/composer-slot';
import { errorText } from '../../../lib/errors';
import { applyFix, insertAt, segments, slashToken } from '../hooks/draft';
import { useQuickReplySearch } from '../hooks/useQuickReplySearch';
import { useReplyCheck } from '../hooks/useReplyCheck';
import { SendStatus } from './SendStatus';
import type { QuickReplyMatch, ReplyFinding } from '../types';
import './composer.css';

/** The longest draft the compliance check accepts when the platform's limit is not known. */
const MAX_CHECKABLE = 5000;

/**
 * The reply composer: the shop's compliance rules are checked as the agent types (offending words are
 * highlighted, with the rule, a hint and a suggested fix); a blocked reply cannot be sent, unless the policy
 * allows an override and the agent gives a reason. Typing "/" and a shortcut offers the quick replies, filled
 * in for this conversation. Enter sends, Shift+Enter adds a line. A live count shows the platform's limit; a
 * reply the server does not accept stays in the composer with the reason and a retry.
 */
export function Composer({ conversationId, buyerName, disabledReason, maxLength, onSend }: ComposerSlotProps) {
  const { t } = useTranslation('composer');
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const current = useRef(text);
  current.current = text;
  const input = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const pendingCaret = useRef<number | null>(null);

  const disabled = disabledReason !== null;
  const length = codePoints(text);
  const tooLong = maxLength !== null && length > maxLength;
  const { checked, problem, checkNow } = useReplyCheck(conversationId, text, maxLength ?? MAX_CHECKABLE);
  const token = disabled ? null : slashToken(text, caret);
  const tokenKey = token ? `${token.start}:${token.query}` : null;
  const quick = useQuickReplySearch(conversationId, token && tokenKey !== dismissed ? token.query : null);
  const showQuick = token !== null && tokenKey !== dismissed && (quick.matches.length > 0 || quick.loading);

  const findings = checked?.check.findings ?? [];
  const blocked = checked?.check.blocked ?? false;
  const overridable = checked?.check.overridable ?? false;
  const canSend =
    !disabled && !sending && !tooLong && text.trim().length > 0 && (!blocked || (overridable && reason.trim().length > 0));

  useLayoutEffect(() => {
    if (pendingCaret.current !== null && input.current) {
      input.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  function change(next: string, nextCaret: number) {
    setText(next);
    setCaret(nextCaret);
    setAttempted(false);
    setSendError(null);
  }

  async function send() {
    const draft = text;
    const body = draft.trim();
    if (disabled || !body || sending || tooLong) return;
    setSending(true);
    setSendError(null);
    try {
      const outcome = await checkNow(draft);
      if ('problem' in outcome && outcome.problem.kind === 'refused') {
        setSendError(t('sendFailed', { reason: errorText(outcome.problem.error, t('notSent')) }));
        return;
      }
      const check = 'check' in outcome ? outcome.check : null;
      if (check?.blocked && (!check.overridable || !reason.trim())) {
        setAttempted(true);
        return;
      }
      await onSend(body, check?.blocked ? { reason: reason.trim() } : undefined);
      if (current.current === draft) {
        setText('');
        setCaret(0);
      }
      setReason('');
      setAttempted(false);
      setMissing([]);
    } catch (e) {
      // Nothing was accepted: the draft stays as it was, with the reason and a retry.
      setSendError(t('sendFailed', { reason: e instanceof Error ? e.message : t('notSent') }));
    } finally {
      setSending(false);
    }
  }

  function insert(match: QuickReplyMatch) {
    if (!token) return;
    const next = insertAt(text, token, match.text);
    pendingCaret.current = next.caret;
    change(next.text, next.caret);
    setMissing(match.missing);
    setActive(0);
    input.current?.focus();
  }

  function fix(finding: ReplyFinding) {
    const next = applyFix(text, finding);
    if (next === null) return;
    const at = finding.start + (finding.fix ?? '').length;
    pendingCaret.current = at;
    change(next, at);
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const composing = event.nativeEvent.isComposing || event.keyCode === 229;
    if (showQuick && quick.matches.length > 0 && !composing) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((a) => (a + step + quick.matches.length) % quick.matches.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        insert(quick.matches[Math.min(active, quick.matches.length - 1)]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissed(tokenKey);
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !composing) {
      event.preventDefault();
      void send();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  const lines = Math.min(6, Math.max(2, text.split('\n').length));
  return (
    <form className="composer" onSubmit={onSubmit} data-testid="composer" data-verdict={checked?.check.verdict ?? 'none'}>
      {showQuick && (
        <ul className="composer__quick" data-testid="quick-reply-list" role="listbox" aria-label={t('quickReplies')}>
          {quick.matches.length === 0 && <li className="composer__quick-empty">{t('searching')}</li>}
          {quick.matches.map((m, i) => (
            <li
              key={m.id}
              role="option"
              aria-selected={i === active}
              className={`composer__quick-item${i === active ? ' composer__quick-item--active' : ''}`}
              data-testid="quick-reply-option"
              data-shortcut={m.shortcut}
              onMouseDown={(e) => {
                e.preventDefault();
                insert(m);
              }}
            >
              <span className="composer__quick-shortcut">/{m.shortcut}</span>
              <span className="composer__quick-title">
                {m.title}
                {m.team ? ` · ${m.team.replace('_', '-')}` : ''} · {m.language.toUpperCase()}
              </span>
              <span className="composer__quick-text">{m.text}</span>
            </li>
          ))}
        </ul>
      )}

      <div className="composer__row">
        <div className="composer__field">
          <div className="composer__backdrop" ref={backdrop} aria-hidden="true">
            {segments(text, findings).map((s, i) =>
              s.finding ? (
                <mark
                  key={i}
                  className={`composer__mark composer__mark--${s.finding.action}`}
                  data-testid="composer-highlight"
                  data-action={s.finding.action}
                  data-term={s.finding.term}
                >
                  {s.text}
                </mark>
              ) : (
                <span key={i}>{s.text}</span>
              ),
            )}
            {'\n'}
          </div>
          <textarea
            ref={input}
            className="composer__input"
            data-testid="reply-input"
            aria-label={t('label', { buyer: buyerName })}
            placeholder={disabledReason ?? t('placeholder', { buyer: buyerName })}
            rows={lines}
            value={text}
            disabled={disabled}
            onChange={(e) => change(e.target.value, e.target.selectionStart ?? e.target.value.length)}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
            onScroll={(e) => {
              if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        <button
          type="submit"
          className={`button ${blocked ? 'button--danger' : 'button--primary'} reply__send`}
          data-testid="reply-send"
          disabled={!canSend}
          title={tooLong ? t('tooLongTitle') : blocked && !canSend ? t('blockedTitle') : undefined}
        >
          {sending ? t('sending') : blocked && canSend ? t('sendAnyway') : t('send')}
        </button>
      </div>
      <SendStatus length={length} maxLength={maxLength} sendError={sendError} canRetry={canSend} onRetry={() => void send()} />

      {missing.length > 0 && (
        <p className="composer__note" data-testid="quick-reply-missing">
          {t('fillIn', { names: missing.map((m) => `{${m}}`).join(', ') })}
        </p>
      )}

      {blocked && (
        <div className="composer__blocked" role="alert" data-testid="composer-blocked">
          <strong>{t('notSendable')}</strong>{' '}
          {overridable
            ? t('overridable')
            : t('notOverridable')}
          {overridable && (
            <input
              className="composer__reason"
              data-testid="composer-override-reason"
              placeholder={t('reasonPlaceholder')}
              aria-label={t('reasonPlaceholder')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
          {attempted && !overridable && (
            <span className="composer__hint-strong" data-testid="composer-override-required">
              {' '}
              {t('notSent')}
            </span>
          )}
          {attempted && !reason.trim() && overridable && (
            <span className="composer__hint-strong" data-testid="composer-override-required">
              {' '}
              {t('reasonRequired')}
            </span>
          )}
        </div>
      )}

      {findings.length > 0 && (
        <ul className="composer__findings" data-testid="composer-findings">
          {findings.map((f, i) => (
            <li key={`${f.rule}:${f.start}:${i}`} className={`composer__finding composer__finding--${f.action}`}
              data-testid="composer-finding" data-action={f.action} data-rule={f.rule}>
              <span className="composer__finding-badge">{f.action === 'block' ? t('blocked') : t('warning')}</span>{' '}
              <span className="composer__finding-label">{f.label}</span>
              {f.rule !== 'repeated' && <> “{f.matched}”</>}
              {f.hint && <span className="composer__finding-hint"> — {f.hint}</span>}
              {f.fix && ' '}
              {f.fix && (
                <button type="button" className="link-button composer__fix" data-testid="composer-apply-fix" onClick={() => fix(f)}>
                  {t('useFix', { fix: f.fix })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {problem?.kind === 'unreachable' && !sendError && <p className="composer__note">{t('unreachable')}</p>}
      {problem?.kind === 'refused' && !tooLong && !sendError && (
        <p className="composer__note composer__note--error" role="alert">{errorText(problem.error, t('notSent'))}</p>
      )}
    </form>
  );
}
