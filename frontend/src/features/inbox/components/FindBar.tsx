import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformLabel, priorityLabel, statusLabel } from '../../../lib/labels';
import { filterOptions, type FilterOptions, type FindFilters } from '../api/find-conversations';
import type { FindRequest, InboxTab } from '../hooks/find-state';

const TABS: InboxTab[] = ['live', 'mine', 'queue', 'solved', 'all'];
const LANGUAGES = ['zh', 'en', 'ms', 'th', 'vi', 'id'];

interface Props {
  request: FindRequest;
  oversees: boolean;
  onChange: (request: FindRequest) => void;
}

/** Tabs, the search box and the filters above the conversation list. */
export function FindBar({ request, oversees, onChange }: Props) {
  const { t } = useTranslation('inbox');
  const [options, setOptions] = useState<FilterOptions>({ shops: [], agents: [] });
  const [showFilters, setShowFilters] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    filterOptions(oversees, abort.signal).then(setOptions).catch(() => undefined);
    return () => abort.abort();
  }, [oversees]);

  const setFilter = (name: keyof FindFilters, value: string) =>
    onChange({ ...request, filters: { ...request.filters, [name]: value || undefined } });
  const platforms = [...new Set(options.shops.map((s) => s.platform))];
  const active = Object.values(request.filters).filter(Boolean).length;

  const select = (name: keyof FindFilters, label: string, values: [string, string][]) => (
    <label className="find__filter">
      <span>{label}</span>
      <select data-testid={`find-filter-${name}`} value={request.filters[name] ?? ''} onChange={(e) => setFilter(name, e.target.value)}>
        <option value="">{t('find.any')}</option>
        {values.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="find" data-testid="find-bar">
      <div className="find__tabs" role="tablist" aria-label={t('find.tabs')}>
        {TABS.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={request.tab === tab}
            className={`find__tab${request.tab === tab ? ' find__tab--current' : ''}`}
            data-testid={`find-tab-${tab}`}
            onClick={() => onChange({ ...request, tab })}
          >
            {t(`find.tab.${tab}`)}
          </button>
        ))}
      </div>
      <div className="find__search">
        <input
          type="search"
          className="find__input"
          data-testid="find-input"
          aria-label={t('find.search')}
          placeholder={t('find.placeholder')}
          value={request.text}
          maxLength={100}
          onChange={(e) => onChange({ ...request, text: e.target.value })}
        />
        <button
          type="button"
          className="button find__toggle"
          data-testid="find-filters-toggle"
          aria-expanded={showFilters}
          onClick={() => setShowFilters((s) => !s)}
        >
          {active > 0 ? t('find.filtersActive', { count: active }) : t('find.filters')}
        </button>
      </div>
      {showFilters && (
        <div className="find__filters" data-testid="find-filters">
          {select('platform', t('find.platform'), platforms.map((p) => [p, platformLabel(p)]))}
          {select('shop', t('find.shop'), options.shops.map((s) => [s.id, s.shopName]))}
          {select('status', t('find.status'), ['queued', 'assigned', 'closed'].map((s) => [s, statusLabel(s)]))}
          {select('priority', t('find.priority'), ['critical', 'urgent', 'normal'].map((p) => [p, priorityLabel(p)]))}
          {select('language', t('find.language'), LANGUAGES.map((l) => [l, l.toUpperCase()]))}
          {oversees && select('agent', t('find.agent'), options.agents.map((a) => [String(a.id), a.displayName]))}
        </div>
      )}
    </div>
  );
}
