import { useEffect } from 'react';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { ConversationView } from '../features/conversation/components/ConversationView';
import { ConversationList } from '../features/inbox/components/ConversationList';
import { useConversationList } from '../features/inbox/hooks/useConversationList';
import { QueuePanel } from '../features/queue/components/QueuePanel';
import type { Session } from '../lib/session';
import { useAgentSocket } from './useAgentSocket';
import { useSelectedConversation } from './useSelectedConversation';

/** The logged-in screen: top bar, the inbox on the left, the open conversation on the right. */
export function Workspace({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const { user } = session;
  const { socket, state } = useAgentSocket(session.token, user.id);
  const inbox = useConversationList(socket, { id: user.id, role: user.role });
  const { selectedId, select } = useSelectedConversation();

  const waiting = inbox.conversations.filter((c) => c.waitingSince).length;
  useEffect(() => {
    document.title = waiting > 0 ? `(${waiting}) Unibox` : 'Unibox';
  }, [waiting]);

  return (
    <div className="app">
      <header className="topbar">
        <span className="topbar__brand">Unibox</span>
        <ConnectionStatus state={state} />
        <span className="topbar__spacer" />
        <span className="topbar__user" data-testid="current-user">
          {user.displayName} <span className="topbar__role">{user.role}</span>
        </span>
        <button type="button" className="button" data-testid="logout" onClick={onLogout}>
          Log out
        </button>
      </header>
      <QueuePanel events={socket} role={user.role} />
      <div className="workspace">
        <ConversationList
          conversations={inbox.conversations}
          selectedId={selectedId}
          onSelect={select}
          loading={inbox.loading}
          error={inbox.error}
          onRetry={inbox.reload}
        />
        <main className="workspace__main">
          {selectedId === null ? (
            <div className="workspace__empty">Select a conversation on the left.</div>
          ) : (
            <ConversationView
              key={selectedId}
              id={selectedId}
              events={socket}
              author={user.displayName}
              onChanged={inbox.changed}
            />
          )}
        </main>
      </div>
    </div>
  );
}
