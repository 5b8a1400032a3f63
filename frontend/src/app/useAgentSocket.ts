import { useEffect, useMemo, useState } from 'react';
import { AgentSocket, type ConnectionState } from '../lib/agent-socket';
import { notifyUnauthorized } from '../lib/api-client';

/** One socket per login: started on mount, stopped on logout; a refused token ends the session. */
export function useAgentSocket(token: string, userId: number) {
  const socket = useMemo(() => new AgentSocket({ token, userId, onUnauthorized: notifyUnauthorized }), [token, userId]);
  const [state, setState] = useState<ConnectionState>('connecting');

  useEffect(() => {
    const off = socket.onState(setState);
    socket.start();
    setState(socket.state);
    return () => {
      off();
      socket.stop();
    };
  }, [socket]);

  return { socket, state };
}
