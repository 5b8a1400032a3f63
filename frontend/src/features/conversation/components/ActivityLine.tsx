import { useTranslation } from 'react-i18next';
import type { ActivityEntry } from '../../../lib/api-types';
import { formatClock, formatFull, localizeTimestamps } from '../../../lib/format';

const NOTES = ['handover_note', 'note'];

/** One activity of the timeline: its kind in the user's language, the server's detail with local times. */
export function ActivityLine({ activity: a }: { activity: ActivityEntry }) {
  const { t, i18n } = useTranslation('conversation');
  const time = (
    <time dateTime={a.at} title={formatFull(a.at)}>
      {formatClock(a.at)}
    </time>
  );
  if (NOTES.includes(a.type)) {
    return (
      <div className={`note note--${a.type}`} data-testid="timeline-activity" data-type={a.type}>
        <div className="note__head">
          {t(`note.${a.type}`)}
          {a.author ? ` · ${a.author}` : ''} · {time}
        </div>
        <div className="note__body">{a.text}</div>
      </div>
    );
  }
  const kind = i18n.exists(`conversation:activity.${a.type}`) ? t(`activity.${a.type}`) : null;
  return (
    <div className="activity" data-testid="timeline-activity" data-type={a.type}>
      <span>
        {kind && <strong className="activity__kind">{kind}</strong>}
        {kind && ' · '}
        <span data-testid="activity-text">{localizeTimestamps(a.text)}</span> · {time}
      </span>
    </div>
  );
}
