import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/TableHead';
import type { AgentEventSource } from '../../../lib/api-types';
import { errorText } from '../../../lib/errors';
import { formatClock } from '../../../lib/format';
import { setShopLine } from '../api/projections';
import { percent, projectionsChanged, useProjections } from '../hooks/useProjections';
import type { ShopProjection } from '../types';
import './projection.css';

/** Today's platform indicator of each shop (supervisors and admins), its projection, and the shop's line. */
export function ProjectionTable({ events }: { events: AgentEventSource }) {
  const { t } = useTranslation('reports');
  const { shops, error } = useProjections(events);
  return (
    <section className="projection-table" data-testid="projection-table">
      <h2>{t('projection.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {shops.length === 0 ? (
        <p>{t('projection.none')}</p>
      ) : (
        <table>
          <TableHead t={t} columns={['shop', 'projection.indicator', 'projection.current', 'projection.projected', 'projection.windowEnd', 'projection.line']} />
          <tbody>
            {shops.map((s) => (
              <ProjectionRow key={s.accountId} shop={s} onSaved={projectionsChanged} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ProjectionRow({ shop, onSaved }: { shop: ShopProjection; onSaved: () => void }) {
  const { t } = useTranslation('reports');
  const [draft, setDraft] = useState(String(Math.round(shop.line * 100)));
  const [problem, setProblem] = useState<string | null>(null);
  const save = (line: number | null) =>
    setShopLine(shop.accountId, line)
      .then(() => {
        setProblem(null);
        onSaved();
      })
      .catch((e: unknown) => setProblem(errorText(e, t('projection.saveFailed'))));
  const submit = () => {
    const value = Number(draft);
    if (!Number.isFinite(value) || value <= 0 || value > 100) {
      setProblem(t('projection.badLine'));
      return;
    }
    void save(value / 100);
  };
  return (
    <tr data-testid="projection-row" data-account-id={shop.accountId}>
      <td>{shop.shopName}</td>
      <td>{t(`projection.rule.${shop.rule}`, { defaultValue: shop.rule })}</td>
      <td>{percent(shop.current)}</td>
      <td className={shop.below ? 'projection--below' : undefined} data-testid="projection-projected">
        {percent(shop.projected)}
      </td>
      <td>{formatClock(shop.windowEnd)}</td>
      <td>
        <input
          type="number"
          min={1}
          max={100}
          aria-label={t('projection.lineFor', { shop: shop.shopName })}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />{' '}
        %{' '}
        <button type="button" className="button" onClick={submit}>
          {t('projection.saveLine')}
        </button>
        {shop.ownLine && (
          <button type="button" className="link-button" onClick={() => void save(null)}>
            {t('projection.platformLine')}
          </button>
        )}
        {problem && <span role="alert"> {problem}</span>}
      </td>
    </tr>
  );
}
