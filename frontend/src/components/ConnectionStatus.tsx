import type { ConnectionState } from '../lib/agent-socket';
import './connection-status.css';

const TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  stopped: 'Offline',
};

/** Live-updates indicator; `data-state` is what tests wait on. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  return (
    <span className={`connection connection--${state}`} data-testid="connection-status" data-state={state} role="status">
      <span className="connection__dot" aria-hidden="true" />
      {TEXT[state]}
    </span>
  );
}
