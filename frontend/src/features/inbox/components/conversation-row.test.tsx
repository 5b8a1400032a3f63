import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../lib/api-types';
import { conversationSummary } from '../../../test-fixtures';
import { ConversationRow } from './ConversationRow';

const base = conversationSummary({
  assignee: { id: 3, displayName: '梅 Mei' },
  lastMessage: { text: 'hello', at: '2026-11-30T10:00:00Z', direction: 'in' },
});

const row = (c: ConversationSummary, showOwner: boolean) =>
  renderToStaticMarkup(<ConversationRow conversation={c} selected={false} now={0} onSelect={() => undefined} showOwner={showOwner} />);

describe('ConversationRow owner column', () => {
  it('shows supervisors the owner by name', () => {
    const html = row(base, true);
    expect(html).toContain('data-testid="conversation-owner"');
    expect(html).toContain('梅 Mei');
    expect(html).toContain('data-owner-id="3"');
  });

  it('says "queued" for a conversation waiting in the queue', () => {
    const html = row({ ...base, status: 'queued', assignee: null }, true);
    expect(html).toMatch(/data-testid="conversation-owner"[^>]*>Owner: queued</);
  });

  it('is absent from an agent list', () => {
    expect(row(base, false)).not.toContain('conversation-owner');
  });
});
