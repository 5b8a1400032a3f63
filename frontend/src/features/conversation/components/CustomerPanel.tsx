import { useTranslation } from 'react-i18next';
import { PlatformBadge } from '../../../components/PlatformBadge';
import { formatFull } from '../../../lib/format';
import { statusLabel } from '../../../lib/labels';
import type { CustomerContext } from '../api/get-context';

interface Props {
  context: CustomerContext | null;
  failed: boolean;
  onOpen?: (id: number) => void;
}

/** The buyer at a glance: earlier conversations (opened read-only when solved) and orders with their status. */
export function CustomerPanel({ context, failed, onOpen }: Props) {
  const { t } = useTranslation('conversation');
  if (failed) return <aside className="customer" data-testid="customer-panel">{t('customer.failed')}</aside>;
  if (!context) return <aside className="customer" data-testid="customer-panel">{t('loading')}</aside>;
  const { conversations, orders } = context;
  return (
    <aside className="customer" data-testid="customer-panel" aria-label={t('customer.title')}>
      <h3 className="customer__title">{t('customer.title')}</h3>
      <h4>{t('customer.earlier')}</h4>
      {conversations.length === 0 ? (
        <p className="customer__empty">{t('customer.noEarlier')}</p>
      ) : (
        <ul className="customer__list" data-testid="customer-conversations">
          {conversations.map((c) => (
            <li key={c.id}>
              <button type="button" className="link-button" data-testid="customer-conversation" onClick={() => onOpen?.(c.id)}>
                <PlatformBadge platform={c.platform} /> {c.shopName} · {statusLabel(c.status)}
              </button>
              <span className="customer__meta">
                {c.lastMessage ? `${formatFull(c.lastMessage.at)} — ${c.lastMessage.text}` : formatFull(c.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('customer.orders')}</h4>
      {!orders.available ? (
        <p className="customer__empty">{t('customer.ordersUnavailable')}</p>
      ) : orders.error ? (
        <p className="customer__empty" role="status">{t('customer.ordersUnreachable')}</p>
      ) : orders.items.length === 0 ? (
        <p className="customer__empty">{t('customer.noOrders')}</p>
      ) : (
        <ul className="customer__list" data-testid="customer-orders">
          {orders.items.map((o) => (
            <li key={o.orderId} data-testid="customer-order">
              <strong>{o.orderId}</strong> <span className="badge badge--soft">{o.status}</span>
              <span className="customer__meta">
                {[o.total && `${o.total} ${o.currency ?? ''}`.trim(), o.createdAt && formatFull(o.createdAt), o.items.join(', ')]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
