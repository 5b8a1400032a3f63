import type { ActivityEntry } from '../../../lib/api-types';
import { formatClock, formatFull } from '../../../lib/format';

const NOTE_TITLES: Record<string, string> = {
  handover_note: 'Handover note',
  note: 'Internal note (staff only)',
};

export function ActivityLine({ activity: a }: { activity: ActivityEntry }) {
  const title = NOTE_TITLES[a.type];
  if (title) {
    return (
      <div className={`note note--${a.type}`} data-testid="timeline-activity" data-type={a.type}>
        <div className="note__head">
          {title}
          {a.author ? ` · ${a.author}` : ''} ·{' '}
          <time dateTime={a.at} title={formatFull(a.at)}>
            {formatClock(a.at)}
          </time>
        </div>
        <div className="note__body">{a.text}</div>
      </div>
    );
  }
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
