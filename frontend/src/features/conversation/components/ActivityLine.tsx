import type { ActivityEntry } from '../../../lib/api-types';
import { formatClock, formatFull } from '../../../lib/format';

export function ActivityLine({ activity: a }: { activity: ActivityEntry }) {
  return (
    <div className="activity" data-testid="timeline-activity" data-type={a.type}>
      <span>
        {a.text} ·{' '}
        <time dateTime={a.at} title={formatFull(a.at)}>
          {formatClock(a.at)}
        </time>
      </span>
    </div>
  );
}
