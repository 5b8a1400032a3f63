import type { ManagedUser, NewUser, Role, UserFields } from '../api/users';

// The user form's state and its checks, mirroring the server's (UserForm, AgentSkills, PasswordPolicy) so
// mistakes are shown next to the field before anything is sent. Error values are keys of the users catalog.

export const PLATFORMS = ['shopee', 'lazada', 'tiktok', 'pinduoduo', 'taobao', 'tmall', 'kuaishou', 'douyin', 'bridge'];
export const MAX_CONCURRENT = 100;
const USERNAME = /^[A-Za-z0-9._-]{2,40}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

export interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  team: string;
  allAccounts: boolean;
  accounts: string[];
  /** Comma-separated language codes as typed, e.g. "zh, en". */
  languages: string;
  platforms: string[];
  maxConcurrent: string;
}

export type FieldErrors = Partial<Record<keyof UserDraft, string>>;

export function emptyDraft(team = ''): UserDraft {
  return {
    username: '',
    displayName: '',
    role: 'agent',
    password: '',
    team,
    allAccounts: false,
    accounts: [],
    languages: '',
    platforms: [],
    maxConcurrent: '5',
  };
}

export function draftOf(u: ManagedUser): UserDraft {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    password: '',
    team: u.team ?? '',
    allAccounts: u.allAccounts,
    accounts: [...u.accounts],
    languages: u.languages.join(', '),
    platforms: [...u.platforms],
    maxConcurrent: String(u.maxConcurrent),
  };
}

export function languagesOf(text: string): string[] {
  return [...new Set(text.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean))];
}

/** The password rule of the server: at least 10 characters, at most 72 bytes in UTF-8. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < 10) return 'error.passwordShort';
  if (new TextEncoder().encode(password).length > 72) return 'error.passwordLong';
  return null;
}

/**
 * Every problem of the draft at once. `creating` adds username and password; a team lead (not an admin)
 * may only make agents of a team they lead, so for them the team is required and the role fixed.
 */
export function validateDraft(d: UserDraft, creating: boolean, admin: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (creating && !USERNAME.test(d.username)) errors.username = 'error.username';
  if (!d.displayName.trim()) errors.displayName = 'error.displayName';
  else if (d.displayName.trim().length > 80) errors.displayName = 'error.displayNameLong';
  if (creating) {
    const problem = passwordProblem(d.password);
    if (problem) errors.password = problem;
  }
  if (!admin && d.role !== 'agent') errors.role = 'error.roleAgentOnly';
  if (!admin && !d.team) errors.team = 'error.teamRequired';
  const max = d.maxConcurrent.trim();
  if (!/^\d+$/.test(max) || Number(max) > MAX_CONCURRENT) errors.maxConcurrent = 'error.capacity';
  const languages = languagesOf(d.languages);
  if (languages.length > 20 || languages.some((l) => !LANGUAGE.test(l))) errors.languages = 'error.languages';
  return errors;
}

export function toFields(d: UserDraft): UserFields {
  return {
    displayName: d.displayName.trim(),
    role: d.role,
    team: d.team || null,
    allAccounts: d.allAccounts,
    accounts: d.allAccounts ? [] : d.accounts,
    languages: languagesOf(d.languages),
    platforms: d.platforms,
    maxConcurrent: Number(d.maxConcurrent.trim()),
  };
}

export function toNewUser(d: UserDraft): NewUser {
  return { ...toFields(d), username: d.username, password: d.password };
}
