import { useEffect, useState } from 'react';
import { getSendCapabilities, type SendCapabilities } from '../api/get-send-capabilities';

/** What the conversation's shop account can send (kinds of cards, longest text); null while unknown. */
export function useSendCapabilities(accountId: string): SendCapabilities | null {
  const [capabilities, setCapabilities] = useState<SendCapabilities | null>(null);
  useEffect(() => {
    let live = true;
    getSendCapabilities(accountId).then(
      (c) => live && setCapabilities(c),
      () => live && setCapabilities(null),
    );
    return () => {
      live = false;
    };
  }, [accountId]);
  return capabilities;
}
