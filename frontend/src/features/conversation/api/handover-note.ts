import { apiRequest } from '../../../lib/api-client';

export interface HandoverNote {
  text: string;
  /** false: the prefilled draft (nothing saved yet) */
  saved: boolean;
}

/** GET /api/conversations/{id}/handover-note: the saved note, or the prefilled draft. */
export function getHandoverNote(conversationId: number, signal?: AbortSignal): Promise<HandoverNote> {
  return apiRequest<HandoverNote>(`/api/conversations/${conversationId}/handover-note`, { signal });
}

/** PUT /api/conversations/{id}/handover-note: the note that travels with the conversation to the next agent. */
export function saveHandoverNote(conversationId: number, text: string): Promise<HandoverNote> {
  return apiRequest<HandoverNote>(`/api/conversations/${conversationId}/handover-note`, {
    method: 'PUT',
    body: { text },
  });
}
