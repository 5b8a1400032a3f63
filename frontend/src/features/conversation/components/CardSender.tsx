import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { getSendCapabilities, type SendCapabilities } from '../api/get-send-capabilities';
import { sendCard, type CardType } from '../api/send-card';

const LABELS: Record<CardType, { label: string; placeholder: string }> = {
  image: { label: 'Image', placeholder: 'Image URL (https://…)' },
  item: { label: 'Product card', placeholder: 'Product (item) id' },
  order: { label: 'Order card', placeholder: 'Order number' },
};

export function offered(c: SendCapabilities): CardType[] {
  return [c.image && 'image', c.productCard && 'item', c.orderCard && 'order'].filter(Boolean) as CardType[];
}

/** Send an image, a product card or an order card — only the kinds the shop's platform supports. */
export function CardSender({ conversationId, accountId }: { conversationId: number; accountId: string }) {
  const [types, setTypes] = useState<CardType[]>([]);
  const [type, setType] = useState<CardType | null>(null);
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getSendCapabilities(accountId).then(
      (c) => live && setTypes(c ? offered(c) : []),
      () => live && setTypes([]),
    );
    return () => {
      live = false;
    };
  }, [accountId]);

  if (types.length === 0) {
    return null;
  }
  const send = (t: CardType) =>
    sendCard(conversationId, t, value.trim()).then(
      () => {
        setValue('');
        setStatus('Queued for sending.');
      },
      (e: unknown) => setStatus(e instanceof ApiError ? e.message : 'Not sent.'),
    );

  return (
    <div className="card-sender" data-testid="card-sender">
      {types.map((t) => (
        <button
          key={t}
          type="button"
          className={`link-button${type === t ? ' link-button--active' : ''}`}
          data-testid={`card-type-${t}`}
          onClick={() => setType(type === t ? null : t)}
        >
          {LABELS[t].label}
        </button>
      ))}
      {type && (
        <>
          <input
            data-testid="card-value"
            placeholder={LABELS[type].placeholder}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="button" className="button" data-testid="card-send" disabled={!value.trim()} onClick={() => void send(type)}>
            Send
          </button>
        </>
      )}
      {status && <span data-testid="card-status">{status}</span>}
    </div>
  );
}
