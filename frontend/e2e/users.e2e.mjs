// Browser end-to-end: an admin, in the Chinese UI, creates an agent on the Users page (a wrong capacity is
// refused next to its field first); the new agent logs in with the initial (temporary) password and must
// choose their own before the workspace opens; a supervisor gives them a conversation from the console,
// picking them by name from colleagues ranked online-first, and sees the new owner in the inbox list's
// owner column; the new agent's inbox shows it live. Screenshots at desktop and 390 px phone width go to
// SCREENSHOT_DIR. Run by the backend's JUnit test (BrowserUsersTest). Protocol over stdout:
//   ZH <tab label>|<validation message>   the Chinese texts the admin saw
//   CREATED                               the new agent's row is in the table
//   MUST_CHANGE                           the new agent saw the change-password form, not the workspace
//   AGENT_IN                              the new agent chose their password, is in and connected
//   TARGETS <presence,presence,...>       the move targets in the order offered
//   OWNER <text>                          the owner column of the conversation in the supervisor's inbox
//   DONE                                  the new agent sees the conversation; exit 0
//   FAILED: <reason>                      (screenshot in SCREENSHOT_DIR); exit 1
// Environment: BASE_URL, ADMIN_USER, ADMIN_PASS, NEW_USER, NEW_NAME, NEW_PASS, OWN_PASS, ACCOUNT, SUP_USER,
// SUP_PASS, CONVERSATION_ID, REASON, CHROMIUM, SCREENSHOT_DIR.
import { join } from 'node:path';
import { env, login, runScenario, say, step, submitLogin } from './browser.mjs';

const baseUrl = env('BASE_URL');
const dir = env('SCREENSHOT_DIR');
const newUser = env('NEW_USER');
const conversationId = env('CONVERSATION_ID');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function shots(page, name, checkWidth = false) {
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(dir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(dir, `${name}-phone.png`), fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (checkWidth && width > PHONE.width + 1) throw new Error(`${name}: the page is ${width} px wide at ${PHONE.width} px`);
  await page.setViewportSize(DESKTOP);
}

await runScenario('users', async ({ page: admin, context }) => {
  admin.setDefaultTimeout(30_000);
  await step('log in as the admin and switch to Chinese', async () => {
    await login(admin, baseUrl, env('ADMIN_USER'), env('ADMIN_PASS'));
    await admin.getByTestId('language-switch').selectOption('zh-CN');
    await admin.getByTestId('toggle-users').filter({ hasText: '用户管理' }).waitFor();
  });
  const tabLabel = (await admin.getByTestId('toggle-users').innerText()).trim();

  let message = '';
  await step('open Users and fill the new agent, with a capacity out of range', async () => {
    await admin.getByTestId('toggle-users').click();
    await admin.getByTestId('users-table').waitFor();
    await admin.getByTestId('users-add').click();
    await admin.getByTestId('user-username').fill(newUser);
    await admin.getByTestId('user-display-name').fill(env('NEW_NAME'));
    await admin.getByTestId('user-password').fill(env('NEW_PASS'));
    await admin.getByTestId('user-role').selectOption('agent');
    await admin.locator(`[data-testid="user-shop"][data-shop="${env('ACCOUNT')}"]`).check();
    await admin.getByTestId('user-languages').fill('zh, en');
    await admin.getByTestId('user-capacity').fill('500');
    await admin.getByTestId('user-save').click();
    message = (await admin.getByTestId('user-error-maxConcurrent').innerText()).trim();
  });
  say(`ZH ${tabLabel}|${message}`);
  await step('correct the capacity and create the agent', async () => {
    await admin.getByTestId('user-capacity').fill('3');
    await admin.getByTestId('user-save').click();
    await admin.locator(`[data-testid="user-row"][data-username="${newUser}"]`).waitFor();
    await admin.getByTestId('users-notice').waitFor();
  });
  await step('screenshots of the Users page', () => shots(admin, 'users', true));
  say('CREATED');

  const agent = await context.newPage();
  agent.setDefaultTimeout(30_000);
  await step('the new agent logs in with the initial password and is asked to choose their own', async () => {
    await submitLogin(agent, baseUrl, newUser, env('NEW_PASS'));
    await agent.getByTestId('change-password').waitFor();
    if ((await agent.getByTestId('current-user').count()) !== 0) throw new Error('the workspace opened with a temporary password');
  });
  say('MUST_CHANGE');
  await step('a mismatched repeat is refused on the form', async () => {
    await agent.getByTestId('change-current').fill(env('NEW_PASS'));
    await agent.getByTestId('change-new').fill(env('OWN_PASS'));
    await agent.getByTestId('change-repeat').fill(`${env('OWN_PASS')}x`);
    await agent.getByTestId('change-submit').click();
    await agent.getByTestId('change-error').waitFor();
  });
  await step('the new agent sets their own password and the workspace opens', async () => {
    await agent.getByTestId('change-repeat').fill(env('OWN_PASS'));
    await agent.getByTestId('change-submit').click();
    await agent.getByTestId('current-user').waitFor();
    await agent.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
  });
  say('AGENT_IN');
  const row = agent.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
  if ((await row.count()) !== 0) throw new Error('the conversation is in the new agent inbox before the move');

  const supervisor = await context.newPage();
  supervisor.setDefaultTimeout(30_000);
  await step('log in as the supervisor and open the console', async () => {
    await login(supervisor, baseUrl, env('SUP_USER'), env('SUP_PASS'));
    await supervisor.getByTestId('toggle-console').click();
    await supervisor.getByTestId('supervisor-console').waitFor();
  });
  const consoleRow = supervisor.locator(`[data-testid="console-conversation"][data-conversation-id="${conversationId}"]`);
  await step('select the conversation', async () => {
    await consoleRow.getByTestId('console-select').check();
  });
  const targets = supervisor.getByTestId('console-target').locator('option[data-presence]');
  await step('the new agent is offered, online', () =>
    targets.filter({ hasText: env('NEW_NAME') }).and(supervisor.locator('[data-presence="online"]')).waitFor({ state: 'attached' }),
  );
  const order = await targets.evaluateAll((options) => options.map((o) => o.dataset.presence));
  say(`TARGETS ${order.join(',')}`);
  await step('give it to the new agent by name, with a reason', async () => {
    const value = await targets.filter({ hasText: env('NEW_NAME') }).getAttribute('value');
    await supervisor.getByTestId('console-target').selectOption(value);
    await supervisor.getByTestId('console-reason').fill(env('REASON'));
    await supervisor.getByTestId('console-move').click();
    await supervisor.getByTestId('console-feedback').waitFor();
  });
  await step('screenshots of the console', () => shots(supervisor, 'console'));
  let owner = '';
  await step("the supervisor's inbox list names the new owner", async () => {
    await supervisor.getByTestId('nav-inbox').click();
    const cell = supervisor
      .locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`)
      .getByTestId('conversation-owner');
    await cell.filter({ hasText: env('NEW_NAME') }).waitFor();
    owner = (await cell.innerText()).trim();
  });
  say(`OWNER ${owner}`);

  // The agent's page is never reloaded: the row arrives over the socket.
  await step('the new agent sees the conversation live', () => row.waitFor({ timeout: 30_000 }));
  await step('screenshots of the new agent inbox', () => shots(agent, 'agent-inbox'));
  say('DONE');
});
