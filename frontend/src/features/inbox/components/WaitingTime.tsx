import { waitingTime } from '../../../lib/format';

export function WaitingTime({ since, now }: { since: string | null; now: number }) {
  const waiting = waitingTime(since, now);
  if (!waiting) return <span className="waiting waiting--none">answered</span>;
  return (
    <span className={`waiting waiting--${waiting.level}`} data-testid="waiting-time" data-level={waiting.level}>
      {waiting.label}
    </span>
  );
}
