import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../lib/api-types';
import { correctClassification, getClassification } from '../api/classification';
import type { Category, ClassificationState } from '../api/classification';
import './urgency-correction.css';

const CATEGORIES: { value: Category; label: 'preSale' | 'inSale' | 'afterSale' }[] = [
  { value: 'pre_sale', label: 'preSale' },
  { value: 'in_sale', label: 'inSale' },
  { value: 'after_sale', label: 'afterSale' },
];

interface Props {
  conversation: ConversationSummary;
}

/** The classifier's decision on this conversation, a "check urgency" flag, and one-click corrections. */
export function UrgencyCorrection({ conversation }: Props) {
  const { t } = useTranslation('classification');
  const [state, setState] = useState<ClassificationState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    getClassification(conversation.id)
      .then((s) => live && setState(s))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [conversation.id, conversation.priority, conversation.category]);

  if (!state) {
    return error ? <span className="urgency-fix__error">{error}</span> : null;
  }

  const correct = (correction: { urgent?: boolean; category?: Category }) => {
    setBusy(true);
    setError(null);
    correctClassification(conversation.id, correction)
      .then(setState)
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };

  return (
    <div className="urgency-fix" data-testid="urgency-correction">
      {state.checkUrgency && (
        <span className="urgency-fix__check" role="status" title={t('confidence', { percent: Math.round((state.confidence ?? 0) * 100) })}>
          {t('checkUrgency')}
        </span>
      )}
      <button
        type="button"
        disabled={busy}
        aria-pressed={state.urgent}
        onClick={() => correct({ urgent: !state.urgent })}
        title={t('correctTitle')}
      >
        {state.urgent ? t('urgentUndo') : t('markUrgent')}
      </button>
      <select
        aria-label={t('category')}
        disabled={busy}
        value={state.category}
        onChange={(e) => correct({ category: e.target.value as Category })}
      >
        {CATEGORIES.map((c) => (
          <option key={c.value} value={c.value}>
            {t(c.label)}
          </option>
        ))}
      </select>
      {error && <span className="urgency-fix__error" role="alert">{error}</span>}
    </div>
  );
}
