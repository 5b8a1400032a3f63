import { useEffect, useState } from 'react';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { AccountsPage } from '../features/accounts/components/AccountsPage';
import { Composer } from '../features/composer/components/Composer';
import { QualityNav } from '../features/quality/components/QualityNav';
import { QualityPage } from '../features/quality/components/QualityPage';
import { SatisfactionInvite } from '../features/quality/components/SatisfactionInvite';
import { ConversationView } from '../features/conversation/components/ConversationView';
import { ConversationList } from '../features/inbox/components/ConversationList';
import { useConversationList } from '../features/inbox/hooks/useConversationList';
import type { Session } from '../lib/session';
import { useAgentSocket } from './useAgentSocket';
import { useQualityPage } from './useQualityPage';
import { useSelectedConversation } from './useSelectedConversation';

/** The logged-in screen: top bar, the inbox on the left, the open conversation on the right. */
export function Workspace({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const { user } = session;
  const { socket, state } = useAgentSocket(session.token, user.id);
  const inbox = useConversationList(socket, { id: user.id, role: user.role });
  const { selectedId, select } = useSelectedConversation();
  const [showAccounts, setShowAccounts] = useState(false);
  const page = useQualityPage();

  const waiting = inbox.conversations.filter((c) => c.waitingSince).length;
  useEffect(() => {
    document.title = waiting > 0 ? `(${waiting}) Unibox` : 'Unibox';
  }, [waiting]);

  return (
    <div className="app">
      <header className="topbar">
        <span className="topbar__brand">Unibox</span>
        <ConnectionStatus state={state} />
        <QualityNav role={user.role} current={page} />
        <span className="topbar__spacer" />
        {user.role === 'admin' && (
          <button type="button" className="button" data-testid="toggle-accounts" onClick={() => setShowAccounts((v) => !v)}>
            {showAccounts ? 'Inbox' : 'Accounts'}
          </button>
        )}
        <span className="topbar__user" data-testid="current-user">
          {user.displayName} <span className="topbar__role">{user.role}</span>
        </span>
        <button type="button" className="button" data-testid="logout" onClick={onLogout}>
          Log out
        </button>
      </header>
      {showAccounts ? (
        <AccountsPage events={socket} />
      ) : page ? (
        <main className="workspace__page">
          <QualityPage page={page} role={user.role} />
        </main>
      ) : (
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
                renderComposer={(props) => <Composer {...props} />}
                renderHeaderActions={(conversation) => <SatisfactionInvite conversation={conversation} />}
              />
            )}
          </main>
        </div>
      )}
    </div>
  );
}
