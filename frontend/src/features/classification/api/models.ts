import { apiRequest } from '../../../lib/api-client';

/** One language's (or "all") scores on the corpus test split. */
export interface SplitScores {
  messages: number;
  urgent: number;
  missed: number;
  falselyRaised: number;
  urgentRecall: number;
  urgentPrecision: number;
  categoryAccuracy: number;
}

/** Per language (en, zh, zh-Hant, th, vi, ms) and overall ("all"). */
export type ScoresByLanguage = Record<string, SplitScores>;

export interface ModelVersion {
  version: number;
  createdAt?: string;
  createdBy?: string | null;
  trainedOn: number;
  corrections: number;
  active: boolean;
  testScores: ScoresByLanguage;
}

export interface ModelList {
  activeVersion: number;
  models: ModelVersion[];
  wordListScores?: ScoresByLanguage;
}

/** GET /api/classifier/models (admins): every version with its test-split scores, newest first. */
export function listModels(signal?: AbortSignal): Promise<ModelList> {
  return apiRequest<ModelList>('/api/classifier/models', { signal });
}

/** POST /api/classifier/models: trains a new, inactive version on the corpus and the agents' corrections. */
export async function retrain(): Promise<ModelVersion> {
  const answer = await apiRequest<{ model: ModelVersion }>('/api/classifier/models', { method: 'POST', body: {} });
  return answer.model;
}

/** POST /api/classifier/models/{version}/activate: this version classifies every later message. */
export async function activateModel(version: number): Promise<void> {
  await apiRequest<{ activeVersion: number }>(`/api/classifier/models/${version}/activate`, { method: 'POST', body: {} });
}
