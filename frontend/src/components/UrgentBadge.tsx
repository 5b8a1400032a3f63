import './badges.css';

export function UrgentBadge({ testId }: { testId?: string }) {
  return (
    <span className="badge badge--urgent" data-testid={testId} title="Priority: urgent">
      URGENT
    </span>
  );
}
