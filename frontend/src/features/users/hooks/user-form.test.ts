import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, languagesOf, passwordProblem, toFields, toNewUser, validateDraft } from './user-form';

const good = { ...emptyDraft('team-a'), username: 'mei', displayName: '梅 Mei', password: 'temporary-1', languages: 'zh, en' };

describe('user form', () => {
  it('accepts a complete new agent', () => {
    expect(validateDraft(good, true, true)).toEqual({});
    expect(toNewUser(good)).toMatchObject({ username: 'mei', team: 'team-a', languages: ['zh', 'en'], maxConcurrent: 5 });
  });

  it('names every wrong field at once', () => {
    const errors = validateDraft(
      { ...good, username: 'no spaces', displayName: ' ', password: 'short', maxConcurrent: '101', languages: 'zh, English' },
      true,
      true,
    );
    expect(errors).toEqual({
      username: 'error.username',
      displayName: 'error.displayName',
      password: 'error.passwordShort',
      maxConcurrent: 'error.capacity',
      languages: 'error.languages',
    });
    expect(validateDraft({ ...good, maxConcurrent: '-1' }, true, true).maxConcurrent).toBe('error.capacity');
    expect(validateDraft({ ...good, maxConcurrent: '2.5' }, true, true).maxConcurrent).toBe('error.capacity');
  });

  it('measures the password as the server does: characters for the minimum, UTF-8 bytes for the maximum', () => {
    expect(passwordProblem('密码密码密码密码密码')).toBeNull(); // 10 characters, 30 bytes
    expect(passwordProblem('密码密码密码密码密')).toBe('error.passwordShort');
    expect(passwordProblem('密'.repeat(25))).toBe('error.passwordLong'); // 75 bytes
  });

  it('does not ask for username and password when editing', () => {
    expect(validateDraft({ ...good, username: '', password: '' }, false, true)).toEqual({});
  });

  it('keeps a team lead to agents of a team', () => {
    expect(validateDraft({ ...good, role: 'admin', team: '' }, true, false)).toEqual({
      role: 'error.roleAgentOnly',
      team: 'error.teamRequired',
    });
    expect(validateDraft({ ...good, role: 'admin', team: '' }, true, true)).toEqual({});
  });

  it('round-trips a stored user and drops shops when all shops are chosen', () => {
    const stored = {
      id: 7, username: 'anna', displayName: 'Anna', role: 'agent' as const, team: null, allAccounts: true,
      accounts: ['shopee-my-01'], languages: ['th'], platforms: ['shopee'], maxConcurrent: 3, activeCount: 0,
      disabled: false, presence: 'offline' as const, online: false, ledTeams: [],
    };
    expect(toFields(draftOf(stored))).toEqual({
      displayName: 'Anna', role: 'agent', team: null, allAccounts: true, accounts: [], languages: ['th'],
      platforms: ['shopee'], maxConcurrent: 3,
    });
    expect(languagesOf('zh，en  th,zh')).toEqual(['zh', 'en', 'th']);
  });
});
