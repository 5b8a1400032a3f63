import { useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ComposerSlotProps } from '../../../lib/composer-slot';
import { applyFix, insertAt, segments, slashToken } from '../hooks/draft';
import { useQuickReplySearch } from '../hooks/useQuickReplySearch';
import { useReplyCheck } from '../hooks/useReplyCheck';
import type { QuickReplyMatch, ReplyFinding } from '../types';
import './composer.css';

/**
 * The reply composer: the shop's compliance rules are checked as the agent types (offending words are
 * highlighted, with the rule, a hint and a suggested fix); a blocked reply cannot be sent, unless the policy
 * allows an override and the agent gives a reason. Typing "/" and a shortcut offers the quick replies, filled
 * in for this conversation. Enter sends, Shift+Enter adds a line.
 */
export function Composer({ conversationId, buyerName, disabledReason, onSend }: ComposerSlotProps) {
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const pendingCaret = useRef<number | null>(null);

  const disabled = disabledReason !== null;
  const { checked, failed, checkNow } = useReplyCheck(conversationId, text);
  const token = disabled ? null : slashToken(text, caret);
  const tokenKey = token ? `${token.start}:${token.query}` : null;
  const quick = useQuickReplySearch(conversationId, token && tokenKey !== dismissed ? token.query : null);
  const showQuick = token !== null && tokenKey !== dismissed && (quick.matches.length > 0 || quick.loading);

  const findings = checked?.check.findings ?? [];
  const blocked = checked?.check.blocked ?? false;
  const overridable = checked?.check.overridable ?? false;
  const canSend = !disabled && text.trim().length > 0 && (!blocked || (overridable && reason.trim().length > 0));

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
  }

  async function send() {
    const body = text.trim();
    if (disabled || !body) return;
    const check = await checkNow(text);
    if (check?.blocked) {
      if (!check.overridable || !reason.trim()) {
        setAttempted(true);
        return;
      }
      onSend(body, { reason: reason.trim() });
    } else {
      onSend(body);
    }
    setText('');
    setCaret(0);
    setReason('');
    setAttempted(false);
    setMissing([]);
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
        <ul className="composer__quick" data-testid="quick-reply-list" role="listbox" aria-label="Quick replies">
          {quick.matches.length === 0 && <li className="composer__quick-empty">Searching quick replies…</li>}
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
            aria-label={`Reply to ${buyerName}`}
            placeholder={disabledReason ?? `Reply to ${buyerName}… ("/" for quick replies, Enter sends, Shift+Enter new line)`}
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
          title={blocked && !canSend ? 'Blocked by the shop’s compliance rules' : undefined}
        >
          {blocked && canSend ? 'Send anyway' : 'Send'}
        </button>
      </div>

      {missing.length > 0 && (
        <p className="composer__note" data-testid="quick-reply-missing">
          Fill in before sending: {missing.map((m) => `{${m}}`).join(', ')}
        </p>
      )}

      {blocked && (
        <div className="composer__blocked" role="alert" data-testid="composer-blocked">
          <strong>Not sendable as written.</strong>{' '}
          {overridable
            ? 'The shop’s policy blocks these words. Change the wording, or give a reason to send it anyway (it is recorded for the daily inspection report).'
            : 'The shop’s policy blocks these words and allows no override: change the wording.'}
          {overridable && (
            <input
              className="composer__reason"
              data-testid="composer-override-reason"
              placeholder="Reason to send anyway (e.g. quoting the buyer, certified claim)"
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
          {attempted && !overridable && (
            <span className="composer__hint-strong" data-testid="composer-override-required">
              {' '}
              Not sent.
            </span>
          )}
          {attempted && !reason.trim() && overridable && (
            <span className="composer__hint-strong" data-testid="composer-override-required">
              {' '}
              A reason is required to override.
            </span>
          )}
        </div>
      )}

      {findings.length > 0 && (
        <ul className="composer__findings" data-testid="composer-findings">
          {findings.map((f, i) => (
            <li key={`${f.rule}:${f.start}:${i}`} className={`composer__finding composer__finding--${f.action}`}
              data-testid="composer-finding" data-action={f.action} data-rule={f.rule}>
              <span className="composer__finding-badge">{f.action === 'block' ? 'Blocked' : 'Warning'}</span>{' '}
              <span className="composer__finding-label">{f.label}</span>
              {f.rule !== 'repeated' && <> “{f.matched}”</>}
              {f.hint && <span className="composer__finding-hint"> — {f.hint}</span>}
              {f.fix && ' '}
              {f.fix && (
                <button type="button" className="link-button composer__fix" data-testid="composer-apply-fix" onClick={() => fix(f)}>
                  use “{f.fix}”
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {failed && <p className="composer__note">The compliance check is not reachable; the server still checks when you send.</p>}
    </form>
  );
}
