import { apiRequest } from '../../../lib/api-client';

export type Category = 'pre_sale' | 'in_sale' | 'after_sale';

export interface ClassificationState {
  conversationId: number;
  urgent: boolean;
  category: Category;
  checkUrgency: boolean;
  confidence: number | null;
  corrections: number;
}

/** GET /api/conversations/{id}/classification: urgency, category, the classifier's confidence. */
export async function getClassification(conversationId: number): Promise<ClassificationState> {
  const answer = await apiRequest<{ classification: ClassificationState }>(
    `/api/conversations/${conversationId}/classification`,
  );
  return answer.classification;
}

/** POST /api/conversations/{id}/classification: an agent's one-click correction (re-ranks at once). */
export async function correctClassification(
  conversationId: number,
  correction: { urgent?: boolean; category?: Category },
): Promise<ClassificationState> {
  const answer = await apiRequest<{ classification: ClassificationState }>(
    `/api/conversations/${conversationId}/classification`,
    { method: 'POST', body: correction },
  );
  return answer.classification;
}
