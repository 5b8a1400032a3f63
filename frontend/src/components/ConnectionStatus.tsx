import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../lib/agent-socket';
import './connection-status.css';

/** Live-updates indicator; `data-state` is what tests wait on. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useTranslation('common');
  return (
    <span className={`connection connection--${state}`} data-testid="connection-status" data-state={state} role="status">
      <span className="connection__dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </span>
  );
}
