import type { FindFilters, FindTab } from '../api/find-conversations';

/** Which list the inbox shows: the live one (pushed over the socket) or a server search. */
export type InboxTab = 'live' | FindTab;

export interface FindRequest {
  tab: InboxTab;
  text: string;
  filters: FindFilters;
}

/** Typing a search in the live list searches everything the user may read. */
export function effectiveTab(request: FindRequest): FindTab | null {
  const filtered = Object.values(request.filters).some(Boolean);
  if (request.tab !== 'live') return request.tab;
  return request.text.trim() || filtered ? 'all' : null;
}
