import { useState } from 'react';
import { setPresence } from '../api/set-presence';

/** Online (new conversations come to me) or away (none come; supervisors see it). */
export function PresenceSwitch() {
  const [status, setStatus] = useState<'online' | 'away'>('online');
  const [failed, setFailed] = useState(false);
  return (
    <select
      data-testid="presence-switch"
      aria-label="My status"
      value={status}
      title={failed ? 'Could not change the status' : 'My status'}
      onChange={(e) => {
        const next = e.target.value as 'online' | 'away';
        setPresence(next).then(
          () => {
            setStatus(next);
            setFailed(false);
          },
          () => setFailed(true),
        );
      }}
    >
      <option value="online">Online</option>
      <option value="away">Away</option>
    </select>
  );
}
