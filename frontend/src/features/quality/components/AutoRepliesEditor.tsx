import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { read, write, type EditorProps } from '../hooks/rule-document';

/**
 * A text or number field bound to one path of the rule document: it shows the value there and writes what
 * is typed back (an emptied field removes the key, so the scope inherits it again).
 */
function DocField({ label, path, draft, editable, update, type, ...input }: EditorProps & {
  label: string;
  path: string[];
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'readOnly'>) {
  const value = read(draft, path);
  return (
    <label className="qpage__field">
      {label}{' '}
      <input
        type={type}
        readOnly={!editable}
        {...input}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => {
          const typed = e.target.value;
          update((d) => write(d, path, typed === '' ? undefined : type === 'number' ? Number(typed) : typed));
        }}
      />
    </label>
  );
}

export function AutoRepliesEditor({ draft, editable, update }: EditorProps) {
  const { t } = useTranslation('quality');
  const kinds: [string, string][] = [
    ['greeting', t('rules.greeting')],
    ['offHours', t('rules.offHours')],
    ['surge', t('rules.surge')],
  ];
  const doc = { draft, editable, update };
  return (
    <section className="qsection">
      <h2>{t('rules.autoReplies')}</h2>
      <p className="qpage__lead">
        {t('rules.autoLead')}
      </p>
      <div className="qrow">
        {kinds.map(([k, label]) => {
          const enabled = read(draft, ['autoReplies', k, 'enabled']);
          return (
            <label key={k} className="qpage__field">
              <input
                type="checkbox"
                disabled={!editable}
                data-testid={`auto-${k}`}
                checked={enabled === true}
                onChange={(e) => update((d) => write(d, ['autoReplies', k, 'enabled'], e.target.checked))}
              />{' '}
              {label}
              {enabled === undefined && <span className="qcard__muted">{t('rules.inherited')}</span>}
            </label>
          );
        })}
      </div>
      <div className="qrow">
        <DocField label={t('rules.surgeAfter')} path={['autoReplies', 'surge', 'afterSeconds']} type="number" min={1} {...doc} />
        <DocField label={t('rules.openDays')} path={['autoReplies', 'businessHours', 'days']} placeholder="mon-sun" {...doc} />
        <DocField label={t('rules.from')} path={['autoReplies', 'businessHours', 'open']} placeholder="09:00" size={5} {...doc} />
        <DocField label={t('rules.to')} path={['autoReplies', 'businessHours', 'close']} placeholder="23:00" size={5} {...doc} />
      </div>
    </section>
  );
}
