import { apiRequest } from '../../../lib/api-client';
import type { Presence, Role } from '../../../lib/api-types';

export type { Role };

/** The fields an edit sends (all of them: an edit replaces the user's settings). */
export interface UserFields {
  displayName: string;
  role: Role;
  team: string | null;
  allAccounts: boolean;
  accounts: string[];
  languages: string[];
  platforms: string[];
  maxConcurrent: number;
}

export interface ManagedUser extends UserFields {
  id: number;
  username: string;
  activeCount: number;
  disabled: boolean;
  presence: Presence;
  online: boolean;
  ledTeams: string[];
}

export interface NewUser extends UserFields {
  username: string;
  password: string;
}

export interface HistoryEntry {
  id: number;
  action: 'created' | 'edited' | 'disabled' | 'enabled' | 'role_changed' | 'password_reset';
  by: string | null;
  at: string;
  changes: Record<string, { from?: unknown; to?: unknown; reset?: boolean } | unknown>;
}

export interface Team {
  name: string;
  displayName: string;
  supervisors: string[];
}

export interface Shop {
  id: string;
  shopName?: string;
  name?: string;
}

/** GET /api/admin/users: every user (admins) or the agents of the teams the caller leads. */
export async function listUsers(): Promise<ManagedUser[]> {
  return (await apiRequest<{ users: ManagedUser[] }>('/api/admin/users')).users;
}

export async function createUser(user: NewUser): Promise<ManagedUser> {
  return (await apiRequest<{ user: ManagedUser }>('/api/admin/users', { method: 'POST', body: user })).user;
}

export async function updateUser(id: number, fields: UserFields): Promise<ManagedUser> {
  return (await apiRequest<{ user: ManagedUser }>(`/api/admin/users/${id}`, { method: 'PUT', body: fields })).user;
}

export async function setDisabled(id: number, disabled: boolean): Promise<void> {
  await apiRequest(`/api/admin/users/${id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST', body: {} });
}

/** Sets a temporary password; the user's sessions end. */
export async function resetPassword(id: number, password: string): Promise<void> {
  await apiRequest(`/api/admin/users/${id}/password`, { method: 'POST', body: { password } });
}

export async function userHistory(id: number): Promise<HistoryEntry[]> {
  return (await apiRequest<{ history: HistoryEntry[] }>(`/api/admin/users/${id}/audit`)).history;
}

export async function listTeams(): Promise<Team[]> {
  return (await apiRequest<{ teams: Team[] }>('/api/teams')).teams;
}

/** GET /api/accounts: the shops the caller serves (the ones they may grant). */
export async function listShops(): Promise<Shop[]> {
  return (await apiRequest<{ accounts: Shop[] }>('/api/accounts')).accounts;
}
