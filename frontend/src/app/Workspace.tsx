import { useEffect, useState } from 'react';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { AccountsPage } from '../features/accounts/components/AccountsPage';
import { Composer } from '../features/composer/components/Composer';
import { ConversationView } from '../features/conversation/components/ConversationView';
import { ConversationList } from '../features/inbox/components/ConversationList';
import { useConversationList } from '../features/inbox/hooks/useConversationList';
import { PlannerPage } from '../features/planner/components/PlannerPage';
import { PresenceSwitch } from '../features/presence/components/PresenceSwitch';
import { QualityNav } from '../features/quality/components/QualityNav';
import { QualityPage } from '../features/quality/components/QualityPage';
import { QueuePanel } from '../features/queue/components/QueuePanel';
import { SatisfactionInvite } from '../features/quality/components/SatisfactionInvite';
import { SupervisorConsole } from '../features/supervisor/components/SupervisorConsole';
import type { Session } from '../lib/session';
import { useAgentSocket } from './useAgentSocket';
import { useQualityPage } from './useQualityPage';
import { useSelectedConversation } from './useSelectedConversation';

type View = 'inbox' | 'console' | 'accounts' | 'planner';

/** The logged-in screen: top bar, the inbox on the left, the open conversation on the right. */
export function Workspace({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const { user } = session;
  const { socket, state } = useAgentSocket(session.token, user.id);
  const inbox = useConversationList(socket, { id: user.id, role: user.role });
  const { selectedId, select } = useSelectedConversation();
  const oversees = user.role === 'supervisor' || user.role === 'admin';
  const [view, setView] = useState<View>('inbox');
  const toggle = (target: View) => setView((v) => (v === target ? 'inbox' : target));
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
        {user.role === 'agent' && <PresenceSwitch />}
        {oversees && (
          <button type="button" className="button" data-testid="toggle-console" onClick={() => toggle('console')}>
            {view === 'console' ? 'Inbox' : 'Supervisor console'}
          </button>
        )}
        {oversees && (
          <button type="button" className="button" data-testid="toggle-planner" onClick={() => toggle('planner')}>
            {view === 'planner' ? 'Inbox' : 'Staffing plan'}
          </button>
        )}
        {user.role === 'admin' && (
          <button type="button" className="button" data-testid="toggle-accounts" onClick={() => toggle('accounts')}>
            {view === 'accounts' ? 'Inbox' : 'Accounts'}
          </button>
        )}
        <span className="topbar__user" data-testid="current-user">
          {user.displayName} <span className="topbar__role">{user.role}</span>
        </span>
        <button type="button" className="button" data-testid="logout" onClick={onLogout}>
          Log out
        </button>
      </header>
      {view === 'accounts' ? (
        <AccountsPage events={socket} />
      ) : view === 'planner' ? (
        <main className="workspace__page">
          <PlannerPage />
        </main>
      ) : view === 'console' ? (
        <SupervisorConsole events={socket} />
      ) : page ? (
        <main className="workspace__page">
          <QualityPage page={page} role={user.role} />
        </main>
      ) : (
        <>
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
                renderComposer={(props) => <Composer {...props} />}
                renderHeaderActions={(conversation) => <SatisfactionInvite conversation={conversation} />}
              />
            )}
          </main>
        </div>
        </>
      )}
    </div>
  );
}
