import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import type { Role, Shop, Team } from '../api/users';
import { PLATFORMS, type FieldErrors, type UserDraft, validateDraft } from '../hooks/user-form';

const ROLES: Role[] = ['agent', 'supervisor', 'admin'];

/** Create or edit one user; every problem is shown next to its field before anything is sent. */
export function UserFormPanel({
  initial,
  creating,
  admin,
  teams,
  shops,
  title,
  onSubmit,
  onCancel,
}: {
  initial: UserDraft;
  creating: boolean;
  admin: boolean;
  teams: Team[];
  shops: Shop[];
  title: string;
  onSubmit: (draft: UserDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('users');
  const [d, setD] = useState<UserDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) => setD((old) => ({ ...old, [key]: value }));
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const submit = async () => {
    const found = validateDraft(d, creating, admin);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(d);
    } catch (e) {
      setFailure(errorText(e, t('saveFailed')));
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof UserDraft, label: string, input: React.ReactNode) => (
    <label className="users__field">
      <span>{label}</span>
      {input}
      {errors[key] && (
        <small className="users__invalid" role="alert" data-testid={`user-error-${key}`}>
          {t(errors[key])}
        </small>
      )}
    </label>
  );

  return (
    <form
      className="users__form"
      data-testid="user-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{title}</h3>
      {creating &&
        field('username', t('form.username'), (
          <input data-testid="user-username" value={d.username} autoComplete="off" onChange={(e) => set('username', e.target.value)} />
        ))}
      {field('displayName', t('form.displayName'), (
        <input data-testid="user-display-name" value={d.displayName} onChange={(e) => set('displayName', e.target.value)} />
      ))}
      {creating &&
        field('password', t('form.password'), (
          <input
            data-testid="user-password"
            type="password"
            autoComplete="new-password"
            value={d.password}
            onChange={(e) => set('password', e.target.value)}
          />
        ))}
      {field('role', t('form.role'), (
        <select data-testid="user-role" value={d.role} onChange={(e) => set('role', e.target.value as Role)}>
          {ROLES.filter((r) => admin || r === 'agent').map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      ))}
      {field('team', t('form.team'), (
        <select data-testid="user-team" value={d.team} onChange={(e) => set('team', e.target.value)}>
          {admin && <option value="">{t('noTeam')}</option>}
          {!admin && !d.team && <option value="">—</option>}
          {teams.map((team) => (
            <option key={team.name} value={team.name}>
              {team.displayName}
            </option>
          ))}
        </select>
      ))}
      <fieldset className="users__choices">
        <legend>{t('form.shops')}</legend>
        {admin && (
          <label>
            <input type="checkbox" data-testid="user-all-shops" checked={d.allAccounts} onChange={(e) => set('allAccounts', e.target.checked)} />
            {t('form.allShops')}
          </label>
        )}
        {!d.allAccounts &&
          shops.map((s) => (
            <label key={s.id}>
              <input
                type="checkbox"
                data-testid="user-shop"
                data-shop={s.id}
                checked={d.accounts.includes(s.id)}
                onChange={() => set('accounts', toggle(d.accounts, s.id))}
              />
              {s.shopName ?? s.name ?? s.id}
            </label>
          ))}
      </fieldset>
      {field('languages', t('form.languages'), (
        <input data-testid="user-languages" value={d.languages} onChange={(e) => set('languages', e.target.value)} />
      ))}
      <fieldset className="users__choices">
        <legend>{t('form.platforms')}</legend>
        {PLATFORMS.map((p) => (
          <label key={p}>
            <input type="checkbox" checked={d.platforms.includes(p)} onChange={() => set('platforms', toggle(d.platforms, p))} />
            {p}
          </label>
        ))}
      </fieldset>
      {field('maxConcurrent', t('form.capacity'), (
        <input data-testid="user-capacity" inputMode="numeric" value={d.maxConcurrent} onChange={(e) => set('maxConcurrent', e.target.value)} />
      ))}
      <div className="users__buttons">
        <button type="submit" className="button button--primary" data-testid="user-save" disabled={busy}>
          {creating ? t('form.create') : t('form.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
      {failure && (
        <p className="users__invalid" role="alert" data-testid="user-form-failure">
          {failure}
        </p>
      )}
    </form>
  );
}
