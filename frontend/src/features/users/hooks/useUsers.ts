import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import { listShops, listTeams, listUsers, type ManagedUser, type Shop, type Team } from '../api/users';

/** The users in the caller's reach, and the teams and shops the form offers. */
export function useUsers() {
  const [users, setUsers] = useState<ManagedUser[] | null>(null);
  const [teams, setTeams] = useState<Team[]>([]);
  const [shops, setShops] = useState<Shop[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    Promise.all([listUsers(), listTeams(), listShops()]).then(
      ([u, t, s]) => {
        setUsers(u);
        setTeams(t);
        setShops(s);
        setError(null);
      },
      (e: unknown) => setError(errorText(e, i18n.t('users:loadFailed'))),
    );
  }, []);

  useEffect(reload, [reload]);
  return { users, teams, shops, error, reload };
}
