import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/TableHead';
import { errorText } from '../../../lib/errors';
import { createUser, type ManagedUser, type Role, resetPassword, setDisabled, updateUser } from '../api/users';
import { draftOf, emptyDraft, passwordProblem, toFields, toNewUser } from '../hooks/user-form';
import { useUsers } from '../hooks/useUsers';
import { UserFormPanel } from './UserFormPanel';
import { UserHistory } from './UserHistory';
import './users.css';

type Panel =
  | { kind: 'create' }
  | { kind: 'edit'; user: ManagedUser }
  | { kind: 'password'; user: ManagedUser }
  | { kind: 'history'; user: ManagedUser }
  | null;

/** Admins: every user; team leads: the agents of their teams. Create, edit, disable, reset passwords, history. */
export function UsersPage({ role, username }: { role: Role; username: string }) {
  const { t } = useTranslation('users');
  const { users, teams: allTeams, shops, error, reload } = useUsers();
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const admin = role === 'admin';
  // A team lead puts agents only into teams they lead (the server refuses the others).
  const teams = admin ? allTeams : allTeams.filter((x) => x.supervisors.includes(username));
  const teamName = (name: string | null) => (name ? (allTeams.find((x) => x.name === name)?.displayName ?? name) : '—');
  const done = (message: string) => {
    setPanel(null);
    setNotice(message);
    reload();
  };
  const act = (work: Promise<unknown>, message: string) =>
    work.then(() => done(message), (e: unknown) => setNotice(errorText(e, t('saveFailed'))));

  return (
    <section className="users" data-testid="users-page">
      <div className="users__header">
        <h2>{t('title')}</h2>
        <button type="button" className="button" onClick={reload}>
          {t('refresh')}
        </button>
        <button type="button" className="button button--primary" data-testid="users-add" onClick={() => setPanel({ kind: 'create' })}>
          {t('add')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {notice && (
        <p role="status" data-testid="users-notice">
          {notice}
        </p>
      )}
      {panel?.kind === 'create' && (
        <UserFormPanel
          initial={emptyDraft(admin ? '' : (teams[0]?.name ?? ''))}
          creating
          admin={admin}
          teams={teams}
          shops={shops}
          title={t('form.new')}
          onCancel={() => setPanel(null)}
          onSubmit={async (d) => {
            const user = await createUser(toNewUser(d));
            done(t('created', { name: user.displayName }));
          }}
        />
      )}
      {panel?.kind === 'edit' && (
        <UserFormPanel
          key={panel.user.id}
          initial={draftOf(panel.user)}
          creating={false}
          admin={admin}
          teams={teams}
          shops={shops}
          title={t('form.edit', { name: panel.user.displayName })}
          onCancel={() => setPanel(null)}
          onSubmit={async (d) => {
            await updateUser(panel.user.id, toFields(d));
            done(t('saved'));
          }}
        />
      )}
      {panel?.kind === 'password' && <PasswordReset user={panel.user} onDone={done} onCancel={() => setPanel(null)} />}
      {panel?.kind === 'history' && (
        <UserHistory userId={panel.user.id} name={panel.user.displayName} onClose={() => setPanel(null)} />
      )}
      {users === null ? (
        !error && <p>{t('loading')}</p>
      ) : (
        <div className="users__scroll">
          <table className="users__table" data-testid="users-table">
            <TableHead t={t} prefix="col." columns={['name', 'role', 'team', 'shops', 'skills', 'capacity', 'status', 'actions']} />
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid="user-row" data-username={u.username} data-disabled={String(u.disabled)}>
                  <td>
                    {u.displayName} <small className="users__muted">{u.username}</small>
                  </td>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>{teamName(u.team)}</td>
                  <td>{u.allAccounts ? t('allShops') : u.accounts.join(', ') || '—'}</td>
                  <td>
                    {u.languages.join(', ') || t('any')} · {u.platforms.join(', ') || t('any')}
                  </td>
                  <td>
                    {u.activeCount}/{u.maxConcurrent}
                  </td>
                  <td className={u.disabled ? 'users__disabled' : `presence presence--${u.presence}`}>
                    {u.disabled ? t('disabled') : t(u.presence)}
                  </td>
                  <td className="users__actions">
                    <button type="button" className="link-button" data-testid="user-edit" onClick={() => setPanel({ kind: 'edit', user: u })}>
                      {t('edit')}
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      data-testid="user-toggle"
                      onClick={() => void act(setDisabled(u.id, !u.disabled), t('saved'))}
                    >
                      {u.disabled ? t('enable') : t('disable')}
                    </button>
                    <button type="button" className="link-button" data-testid="user-reset" onClick={() => setPanel({ kind: 'password', user: u })}>
                      {t('resetPassword')}
                    </button>
                    <button type="button" className="link-button" data-testid="user-history-open" onClick={() => setPanel({ kind: 'history', user: u })}>
                      {t('history')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PasswordReset({ user, onDone, onCancel }: { user: ManagedUser; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('users');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const rule = passwordProblem(password);
    if (rule) {
      setProblem(t(rule));
      return;
    }
    resetPassword(user.id, password).then(
      () => onDone(t('reset.done', { name: user.displayName })),
      (e: unknown) => setProblem(errorText(e, t('saveFailed'))),
    );
  };
  return (
    <form
      className="users__form"
      data-testid="user-reset-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{t('reset.title', { name: user.displayName })}</h3>
      <label className="users__field">
        <span>{t('reset.input')}</span>
        <input type="password" autoComplete="new-password" data-testid="user-reset-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        {problem && <small className="users__invalid" role="alert">{problem}</small>}
      </label>
      <div className="users__buttons">
        <button type="submit" className="button button--primary" data-testid="user-reset-save">
          {t('reset.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
