import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../api/types';
import type { PlanDraft, PlanErrors, PlanField } from '../hooks/plan-form';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  field: PlanField;
  draft: PlanDraft;
  errors: PlanErrors;
  onChange: (change: Partial<PlanDraft>) => void;
  hint?: string;
}

/** A labelled input of the form, with its hint and its error tied to it for screen readers. */
function Field({ field, draft, errors, onChange, hint, ...input }: FieldProps) {
  const { t } = useTranslation('staffing');
  const id = useId();
  const error = errors[field];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <label className="staffing__field">
      <span>{t(`field.${field}`)}</span>
      <input {...input} data-testid={`staffing-${field}`} value={draft[field]} aria-invalid={error ? true : undefined}
        aria-describedby={describedBy} onChange={(e) => onChange({ [field]: e.target.value })} />
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && (
        <small id={`${id}-error`} className="staffing__invalid" data-testid={`staffing-error-${field}`}>
          {t(error)}
        </small>
      )}
    </label>
  );
}

/** The plan's parameters: the day and its forecast, and the targets the agents are counted for. */
export function PlanForm({ draft, errors, shops, busy, onChange, onSubmit }: {
  draft: PlanDraft;
  errors: PlanErrors;
  shops: Shop[];
  busy: boolean;
  onChange: (change: Partial<PlanDraft>) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation('staffing');
  const field = { draft, errors, onChange };
  return (
    <form className="staffing__form" data-testid="staffing-form" noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}>
      <fieldset className="staffing__group">
        <legend>{t('forecast')}</legend>
        <Field field="date" type="date" required {...field} />
        <Field field="days" type="number" min={1} max={56} step={1} {...field} />
        <Field field="multiplier" type="number" min={0.1} max={100} step="any" {...field} />
        <Field field="peak" placeholder="20:00–22:00 × 10" hint={t('field.peakHint')} {...field} />
        <label className="staffing__field">
          <span>{t('field.account')}</span>
          <select data-testid="staffing-account" value={draft.account} onChange={(e) => onChange({ account: e.target.value })}>
            <option value="">{t('allShops')}</option>
            {shops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.shopName} ({s.platform})
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset className="staffing__group">
        <legend>{t('targets')}</legend>
        <Field field="urgentSeconds" type="number" min={1} max={3600} step={1} {...field} />
        <Field field="urgentRate" type="number" min={0} max={100} step="any" {...field} />
        <Field field="regularSeconds" type="number" min={1} max={3600} step={1} {...field} />
        <Field field="regularRate" type="number" min={0} max={100} step="any" {...field} />
      </fieldset>
      <button type="submit" className="button button--primary" data-testid="staffing-submit" disabled={busy}>
        {t('plan')}
      </button>
    </form>
  );
}
