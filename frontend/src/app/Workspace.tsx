import { Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from '../components/ConnectionStatus';
import { AccountsPage } from '../features/accounts/components/AccountsPage';
import { LogoutButton } from '../features/auth/components/LogoutButton';
import { ClassifierModelsPage } from '../features/classification/components/ClassifierModelsPage';
import { UrgencyCorrection } from '../features/classification/components/UrgencyCorrection';
import { Composer } from '../features/composer/components/Composer';
import { ConversationView } from '../features/conversation/components/ConversationView';
import { ConversationList } from '../features/inbox/components/ConversationList';
import { FindBar } from '../features/inbox/components/FindBar';
import type { FindRequest } from '../features/inbox/hooks/find-state';
import { useConversationList } from '../features/inbox/hooks/useConversationList';
import { useFind } from '../features/inbox/hooks/useFind';
import { PresenceSwitch } from '../features/presence/components/PresenceSwitch';
import { QualityNav } from '../features/quality/components/QualityNav';
import { QualityPage } from '../features/quality/components/QualityPage';
import { QueuePanel } from '../features/queue/components/QueuePanel';
import { ProjectionAlerts } from '../features/reports/components/ProjectionAlerts';
import { ProjectionTable } from '../features/reports/components/ProjectionTable';
import { ReportsPage } from '../features/reports/components/ReportsPage';
import { SatisfactionInvite } from '../features/quality/components/SatisfactionInvite';
import { AlertSwitch } from '../features/speed/components/AlertSwitch';
import { ShortcutHelp } from '../features/speed/components/ShortcutHelp';
import { focus, press, startQuickReply } from '../features/speed/hooks/page-actions';
import { neighbour, type ShortcutAction } from '../features/speed/hooks/shortcuts';
import { useAlerts } from '../features/speed/hooks/useAlerts';
import { useShortcuts } from '../features/speed/hooks/useShortcuts';
import { StaffingPlanPanel } from '../features/staffing/components/StaffingPlanPanel';
import { SupervisorConsole } from '../features/supervisor/components/SupervisorConsole';
import { UsersPage } from '../features/users/components/UsersPage';
import type { Session } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { TimeZoneSwitch } from './TimeZoneSwitch';
import { useAgentSocket } from './useAgentSocket';
import { usePreferences } from './usePreferences';
import { useQualityPage } from './useQualityPage';
import { useSelectedConversation } from './useSelectedConversation';

type View = 'inbox' | 'console' | 'accounts' | 'reports' | 'users' | 'classifier';

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
  const [findRequest, setFindRequest] = useState<FindRequest>({ tab: 'live', text: '', filters: {} });
  const find = useFind(findRequest);
  const alerts = useAlerts(socket, user.id, selectedId, inbox.loadedUnread);
  const [help, setHelp] = useState(false);
  const shown = find.active ? find.results : inbox.conversations;

  const onShortcut = useCallback(
    (action: ShortcutAction) => {
      if (action === 'help') setHelp((h) => !h);
      else if (action === 'next' || action === 'previous') {
        const id = neighbour(shown.map((c) => c.id), selectedId, action === 'next' ? 1 : -1);
        if (id !== null) select(id);
      } else if (action === 'solve') press('solve');
      else if (action === 'transfer') press('transfer');
      else if (action === 'focusComposer') focus('composer');
      else if (action === 'quickReply') startQuickReply();
      else if (action === 'focusSearch') focus('search');
    },
    [shown, selectedId, select],
  );
  useShortcuts(onShortcut);

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
  // what the live inbox and the search results are listed with alike
  const listProps = { selectedId, onSelect: select, unread: alerts.unread, showOwner: oversees };

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
          {oversees && tab('users', 'toggle-users', t('nav.users'))}
          {user.role === 'admin' && tab('classifier', 'toggle-classifier', t('nav.classifier'))}
        </nav>
        <span className="topbar__spacer" />
        {user.role === 'agent' && <PresenceSwitch />}
        <AlertSwitch prefs={alerts.prefs} onChange={alerts.choose} />
        <button type="button" className="link-button" data-testid="shortcut-help-open" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
          {t('shortcuts')}
        </button>
        <LanguageSwitch onChange={preferences.setLanguage} />
        <TimeZoneSwitch zone={preferences.zone} onChange={preferences.setTimeZone} />
        <span className="topbar__user" data-testid="current-user">
          {user.displayName} <span className="topbar__role">{t(`role.${user.role}`)}</span>
        </span>
        <LogoutButton onLoggedOut={onLogout} />
      </header>
      {oversees && (
        <ProjectionAlerts
          events={socket}
          onOpen={(id) => {
            setView('inbox');
            select(id);
          }}
        />
      )}
      {/* Keyed by the zone: every date below is drawn again in a newly chosen zone. */}
      <Fragment key={preferences.zone}>
      {view === 'accounts' ? (
        <AccountsPage events={socket} />
      ) : view === 'users' ? (
        <UsersPage role={user.role} username={user.username} />
      ) : view === 'reports' ? (
        <main className="workspace__page">
          {oversees && <ProjectionTable events={socket} />}
          <ReportsPage zone={preferences.zone} />
        </main>
      ) : view === 'classifier' ? (
        <main className="workspace__page">
          <ClassifierModelsPage />
        </main>
      ) : view === 'console' ? (
        <SupervisorConsole events={socket} planning={<StaffingPlanPanel mayApply={user.allAccounts === true} events={socket} />} />
      ) : page ? (
        <main className="workspace__page">
          <QualityPage page={page} role={user.role} />
        </main>
      ) : (
        <>
        <QueuePanel events={socket} role={user.role} />
        <div className={`workspace${selectedId !== null ? ' workspace--open' : ''}`}>
          <div className="workspace__list">
            <FindBar request={findRequest} oversees={oversees} onChange={setFindRequest} />
            {find.active ? (
              <ConversationList
                {...listProps}
                conversations={find.results}
                loading={find.loading}
                error={find.error}
                onRetry={find.reload}
                title={t('inbox:find.results')}
                countText={t('inbox:find.found', { count: find.results.length })}
                emptyText={find.hasMore ? t('inbox:find.noneYet') : t('inbox:find.none')}
                footer={
                  find.hasMore && (
                    <button type="button" className="button find__more" data-testid="find-more" disabled={find.loading} onClick={find.loadMore}>
                      {t('inbox:find.more')}
                    </button>
                  )
                }
              />
            ) : (
              <ConversationList
                {...listProps}
                conversations={inbox.conversations}
                loading={inbox.loading}
                error={inbox.error}
                onRetry={inbox.reload}
              />
            )}
          </div>
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
                onOpenConversation={select}
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
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
