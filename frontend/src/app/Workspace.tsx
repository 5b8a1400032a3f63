import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { AccountsPage } from '../features/accounts/components/AccountsPage';
import { LogoutButton } from '../features/auth/components/LogoutButton';
import { ClassifierModelsPage } from '../features/classification/components/ClassifierModelsPage';
import { UrgencyCorrection } from '../features/classification/components/UrgencyCorrection';
import { Composer } from '../features/composer/components/Composer';
import { ConversationView } from '../features/conversation/components/ConversationView';
import { ConversationList } from '../features/inbox/components/ConversationList';
import { useConversationList } from '../features/inbox/hooks/useConversationList';
import { PresenceSwitch } from '../features/presence/components/PresenceSwitch';
import { QualityNav } from '../features/quality/components/QualityNav';
import { QualityPage } from '../features/quality/components/QualityPage';
import { QueuePanel } from '../features/queue/components/QueuePanel';
import { ReportsPage } from '../features/reports/components/ReportsPage';
import { SatisfactionInvite } from '../features/quality/components/SatisfactionInvite';
import { SupervisorConsole } from '../features/supervisor/components/SupervisorConsole';
import type { Session } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { TimeZoneSwitch } from './TimeZoneSwitch';
import { useAgentSocket } from './useAgentSocket';
import { usePreferences } from './usePreferences';
import { useQualityPage } from './useQualityPage';
import { useSelectedConversation } from './useSelectedConversation';

type View = 'inbox' | 'console' | 'accounts' | 'reports' | 'classifier';

/** The logged-in screen: top bar, the inbox on the left, the open conversation on the right. */
export function Workspace({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const { t } = useTranslation('app');
  const { user } = session;
  const { socket, state } = useAgentSocket(session.token, user.id);
  const inbox = useConversationList(socket, { id: user.id, role: user.role });
  const { selectedId, select } = useSelectedConversation();
  const oversees = user.role === 'supervisor' || user.role === 'admin';
  const [view, setView] = useState<View>('inbox');
  const page = useQualityPage();
  const preferences = usePreferences();

  const waiting = inbox.conversations.filter((c) => c.waitingSince).length;
  useEffect(() => {
    document.title = waiting > 0 ? `(${waiting}) Unibox` : 'Unibox';
  }, [waiting]);

  const tab = (target: View, testId: string, label: string) => (
    <button
      type="button"
      className={`qnav__link qnav__tab${view === target ? ' qnav__link--current' : ''}`}
      aria-current={view === target ? 'page' : undefined}
      data-testid={testId}
      onClick={() => setView(target)}
    >
      {label}
    </button>
  );

  return (
    <div className="app">
      <header className="topbar">
        <span className="topbar__brand">Unibox</span>
        <ConnectionStatus state={state} />
        <nav className="qnav" aria-label={t('nav.pages')}>
          <QualityNav role={user.role} current={view === 'inbox' ? page : 'elsewhere'} onNavigate={() => setView('inbox')} />
          {tab('reports', 'toggle-reports', t('nav.reports'))}
          {oversees && tab('console', 'toggle-console', t('nav.console'))}
          {user.role === 'admin' && tab('accounts', 'toggle-accounts', t('nav.accounts'))}
          {user.role === 'admin' && tab('classifier', 'toggle-classifier', t('nav.classifier'))}
        </nav>
        <span className="topbar__spacer" />
        {user.role === 'agent' && <PresenceSwitch />}
        <LanguageSwitch onChange={preferences.setLanguage} />
        <TimeZoneSwitch zone={preferences.zone} onChange={preferences.setTimeZone} />
        <span className="topbar__user" data-testid="current-user">
          {user.displayName} <span className="topbar__role">{t(`role.${user.role}`)}</span>
        </span>
        <LogoutButton onLoggedOut={onLogout} />
      </header>
      {/* Keyed by the zone: every date below is drawn again in a newly chosen zone. */}
      <Fragment key={preferences.zone}>
      {view === 'accounts' ? (
        <AccountsPage events={socket} />
      ) : view === 'reports' ? (
        <main className="workspace__page">
          <ReportsPage zone={preferences.zone} />
        </main>
      ) : view === 'classifier' ? (
        <main className="workspace__page">
          <ClassifierModelsPage />
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
        <div className={`workspace${selectedId !== null ? ' workspace--open' : ''}`}>
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
              <div className="workspace__empty">{t('select.conversation')}</div>
            ) : (
              <>
              <button type="button" className="button workspace__back" data-testid="back-to-list" onClick={() => select(null)}>
                {t('back')}
              </button>
              <ConversationView
                key={selectedId}
                id={selectedId}
                events={socket}
                author={user.displayName}
                onChanged={inbox.changed}
                renderComposer={(props) => <Composer {...props} />}
                renderHeaderActions={(conversation) => (
                  <>
                    <UrgencyCorrection conversation={conversation} />
                    <SatisfactionInvite conversation={conversation} />
                  </>
                )}
              />
              </>
            )}
          </main>
        </div>
        </>
      )}
      </Fragment>
    </div>
  );
}
