import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  buyerName: string;
  disabledReason: string | null;
  onSend: (text: string) => Promise<void>;
}

/** Enter sends, Shift+Enter adds a line (and Enter while an input method is composing does neither). */
export function ReplyBox({ buyerName, disabledReason, onSend }: Props) {
  const { t } = useTranslation('conversation');
  const [text, setText] = useState('');
  const disabled = disabledReason !== null;
  const canSend = !disabled && text.trim().length > 0;

  function send() {
    if (!canSend) return;
    const sent = text;
    onSend(text.trim()).then(
      () => setText((current) => (current === sent ? '' : current)),
      () => undefined, // the draft stays for another try
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      send();
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  const lines = Math.min(6, Math.max(2, text.split('\n').length));
  return (
    <form className="reply" onSubmit={onSubmit}>
      <textarea
        className="reply__input"
        data-testid="reply-input"
        aria-label={t('reply.label', { buyer: buyerName })}
        placeholder={disabledReason ?? t('reply.placeholder', { buyer: buyerName })}
        rows={lines}
        value={text}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button--primary reply__send" data-testid="reply-send" disabled={!canSend}>
        {t('send')}
      </button>
    </form>
  );
}
