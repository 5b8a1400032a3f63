import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import type { BuyerOrderInfo } from '../api/get-context';
import type { SendCapabilities } from '../api/get-send-capabilities';
import { sendCard, type CardType } from '../api/send-card';

export function offered(c: SendCapabilities): CardType[] {
  return [c.image && 'image', c.productCard && 'item', c.orderCard && 'order'].filter(Boolean) as CardType[];
}

/** Send an image, a product card or an order card — only the kinds the shop's platform supports. */
interface Props {
  conversationId: number;
  capabilities: SendCapabilities | null;
  /** The buyer's orders: an order card is picked from them (typed in only when the platform lists none). */
  orders?: BuyerOrderInfo[];
}

export function CardSender({ conversationId, capabilities, orders = [] }: Props) {
  const { t } = useTranslation('conversation');
  const [type, setType] = useState<CardType | null>(null);
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const types = capabilities ? offered(capabilities) : [];
  if (types.length === 0) {
    return null;
  }
  const send = (card: CardType) =>
    sendCard(conversationId, card, value.trim()).then(
      () => {
        setValue('');
        setStatus(t('card.queued'));
      },
      (e: unknown) => setStatus(errorText(e, t('card.failed'))),
    );

  return (
    <div className="card-sender" data-testid="card-sender">
      {types.map((card) => (
        <button
          key={card}
          type="button"
          className={`link-button${type === card ? ' link-button--active' : ''}`}
          data-testid={`card-type-${card}`}
          onClick={() => setType(type === card ? null : card)}
        >
          {t(`card.${card}`)}
        </button>
      ))}
      {type === 'order' && orders.length > 0 && (
        <select data-testid="card-order-pick" aria-label={t('card.order')} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">{t('card.order.pick')}</option>
          {orders.map((o) => (
            <option key={o.orderId} value={o.orderId}>
              {`${o.orderId} · ${o.status}${o.total ? ` · ${o.total} ${o.currency ?? ''}` : ''}`}
            </option>
          ))}
        </select>
      )}
      {type && (
        <>
          {!(type === 'order' && orders.length > 0) && <input
            data-testid="card-value"
            placeholder={t(`card.${type}.placeholder`)}
            aria-label={t(`card.${type}`)}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />}
          <button type="button" className="button" data-testid="card-send" disabled={!value.trim()} onClick={() => void send(type)}>
            {t('send')}
          </button>
        </>
      )}
      {status && <span data-testid="card-status">{status}</span>}
    </div>
  );
}
