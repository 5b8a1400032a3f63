import type { Role } from '../../../lib/api-types';
import type { QualityPageName } from './QualityNav';
import { QualityReportPage } from './QualityReportPage';
import { QualityRulesPage } from './QualityRulesPage';
import { QuickRepliesPage } from './QuickRepliesPage';
import { SpamFolderPage } from './SpamFolderPage';

/** One of the quality pages, full width in place of the inbox. */
export function QualityPage({ page, role }: { page: QualityPageName; role: Role }) {
  switch (page) {
    case 'spam':
      return <SpamFolderPage />;
    case 'report':
      return <QualityReportPage role={role} />;
    case 'quick-replies':
      return <QuickRepliesPage />;
    case 'rules':
      return <QualityRulesPage />;
  }
}
