import { Fragment, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { dayKey, formatDay } from '../../../lib/format';
import { currentTimeZone } from '../../../lib/i18n';
import type { TimelineItem } from '../hooks/timeline-reducer';
import { ActivityLine } from './ActivityLine';
import { MessageBubble } from './MessageBubble';

/** The whole history, oldest first; stays scrolled to the newest entry unless the agent scrolled up. */
export function Timeline({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation('conversation');
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const last = items.at(-1);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && (atBottom.current || last?.kind === 'message' && last.local)) el.scrollTop = el.scrollHeight;
  }, [items.length, last]);

  function onScroll() {
    const el = scroller.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
  }

  return (
    <div className="timeline" data-testid="timeline" ref={scroller} onScroll={onScroll} aria-live="polite">
      {items.length === 0 && <div className="timeline__empty">{t('timeline.empty')}</div>}
      {items.map((item, index) => (
        <Fragment key={item.key}>
          {dayChanges(items[index - 1], item) && <div className="timeline__day">{formatDay(item.at)}</div>}
          {item.kind === 'message' ? <MessageBubble message={item} /> : <ActivityLine activity={item} />}
        </Fragment>
      ))}
    </div>
  );
}

function dayChanges(previous: TimelineItem | undefined, item: TimelineItem): boolean {
  const zone = currentTimeZone();
  const day = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : dayKey(date, zone);
  };
  return !previous || day(previous.at) !== day(item.at);
}
