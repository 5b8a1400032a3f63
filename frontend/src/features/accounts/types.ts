/** Shapes of the accounts API (docs/api.md, "Accounts"). Secrets never appear in any of them. */
export interface Capabilities {
  text: boolean;
  image: boolean;
  productCard: boolean;
  orderCard: boolean;
  markRead: boolean;
  maxTextLength: number;
  polling: boolean;
  lostPushRecovery: boolean;
  tokenRefresh: boolean;
}

export interface MetricRule {
  id: string;
  description: string;
  responseWithin: string | null;
  window: string;
  target: string;
  excludesAutoReplies: boolean;
}

export interface PlatformProfile {
  platform: string;
  displayName: string;
  channel: 'api' | 'bridge';
  metrics: MetricRule[];
}

export interface AccountHealth {
  lastPushAt: string | null;
  lastPollAt: string | null;
  lastPollError: string | null;
  tokenExpiresAt: string | null;
  tokenDead: boolean;
  errorCount: number;
  rateLimitCount: number;
  lastError: string | null;
  lastErrorAt: string | null;
  recoveredByBackstop: number;
  openAlerts: number;
}

export interface AdminAccount {
  id: string;
  platform: string;
  shopId: string;
  shopName: string;
  region: string | null;
  timeZone: string;
  source: 'config' | 'api';
  status: 'active' | 'paused';
  pausedReason: string | null;
  running: boolean;
  capabilities: Capabilities | null;
  platformProfile: PlatformProfile | null;
  health: AccountHealth;
}

export interface Alert {
  id: number;
  accountId: string;
  kind: string;
  message: string;
  at: string;
}

export interface NewAccount {
  id: string;
  platform: string;
  shopId: string;
  shopName: string;
  region?: string;
  timeZone: string;
  apiBaseUrl: string;
  callbackUrl?: string;
  credentials: { appKey?: string; appSecret: string; accessToken?: string; refreshToken?: string };
  options?: Record<string, string>;
}
