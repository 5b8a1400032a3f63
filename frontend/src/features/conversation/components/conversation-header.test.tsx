import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../lib/api-types';
import { conversationSummary } from '../../../test-fixtures';
import { ConversationHeader } from './ConversationHeader';

const header = (patch: Partial<ConversationSummary>) =>
  renderToStaticMarkup(<ConversationHeader conversation={conversationSummary(patch)} closing={false} onClose={() => undefined} />);

describe('ConversationHeader', () => {
  it('shows a critical conversation as critical, not "Normal" (bug 1)', () => {
    const html = header({ priority: 'critical' });
    expect(html).toContain('data-testid="conversation-priority-critical"');
    expect(html).toContain('Critical');
    expect(html).not.toContain('Normal');
  });

  it('shows urgent and normal as they are', () => {
    expect(header({ priority: 'urgent' })).toContain('data-testid="conversation-priority-urgent"');
    expect(header({ priority: 'normal' })).toContain('data-testid="conversation-priority-normal"');
  });

  it('says a solved conversation is read only rather than "queued" when nobody holds it', () => {
    const html = header({ priority: 'normal', status: 'closed', assignee: null });
    expect(html).not.toContain('Unassigned (queued)');
    expect(html).toContain('Solved · read only');
  });
});
