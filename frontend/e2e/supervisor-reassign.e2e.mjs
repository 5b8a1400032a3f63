// Browser end-to-end: a supervisor reassigns a conversation in the console and the receiving agent's inbox
// shows it live (no reload) with its full history and the handover note.
// Run by the backend's JUnit test (SupervisorReassignBrowserTest). Protocol over stdout:
//   READY  both are logged in and connected; the console lists the conversation
//   DONE   the agent opened it and saw the buyer's message, the earlier agent's reply, the reassignment and
//          the handover note; exit code 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR, details on stderr); exit code 1
// Environment: BASE_URL, AGENT_USER, AGENT_PASS, AGENT_ID, SUP_USER, SUP_PASS, CONVERSATION_ID, BUYER_TEXT,
// EARLIER_REPLY, NOTE_TEXT, REASON, CHROMIUM, SCREENSHOT_DIR.
import { env, log, runScenario, say, step } from './browser.mjs';

const baseUrl = env('BASE_URL');
const conversationId = env('CONVERSATION_ID');
const agentId = env('AGENT_ID');
const buyerText = env('BUYER_TEXT');
const earlierReply = env('EARLIER_REPLY');
const noteText = env('NOTE_TEXT');
const reason = env('REASON');

async function login(page, user, password) {
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  const refused = page.getByTestId('login-error');
  await page.getByTestId('inbox').or(refused).waitFor();
  if (await refused.isVisible()) throw new Error(`login refused: ${await refused.innerText()}`);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
}

await runScenario('supervisor-reassign', async ({ page: agent, context }) => {
  agent.setDefaultTimeout(20_000);
  const supervisor = await context.newPage();
  supervisor.setDefaultTimeout(20_000);

  await step('log in as the receiving agent', () => login(agent, env('AGENT_USER'), env('AGENT_PASS')));
  const row = agent.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
  if ((await row.count()) !== 0) throw new Error('the conversation is in the agent inbox before the reassignment');

  await step('log in as the supervisor and open the console', async () => {
    await login(supervisor, env('SUP_USER'), env('SUP_PASS'));
    await supervisor.getByTestId('toggle-console').click();
    await supervisor.getByTestId('supervisor-console').waitFor();
  });
  const consoleRow = supervisor.locator(`[data-testid="console-conversation"][data-conversation-id="${conversationId}"]`);
  await step('find the conversation in the console', () => consoleRow.waitFor());
  say('READY');

  await step('reassign it to the agent with a reason', async () => {
    await consoleRow.getByTestId('console-select').check();
    await supervisor.getByTestId('console-target').selectOption(agentId);
    await supervisor.getByTestId('console-reason').fill(reason);
    await supervisor.getByTestId('console-move').click();
    await supervisor.getByTestId('console-feedback').filter({ hasText: '1 moved' }).waitFor();
  });
  log('reassigned conversation', conversationId);

  // The agent's page is never reloaded: the row must arrive over the socket.
  await step('wait (30 s) for the conversation to appear in the agent inbox', () => row.waitFor({ timeout: 30_000 }));
  await row.click();
  const timeline = agent.getByTestId('timeline');
  await step('see the buyer message from before', () =>
    timeline.locator('[data-testid="timeline-message"][data-direction="in"]').filter({ hasText: buyerText }).first().waitFor(),
  );
  await step('see the earlier agent reply', () =>
    timeline.locator('[data-testid="timeline-message"][data-direction="out"]').filter({ hasText: earlierReply }).first().waitFor(),
  );
  await step('see the reassignment with its reason', () =>
    timeline.locator('[data-testid="timeline-activity"][data-type="reassigned"]').filter({ hasText: reason }).waitFor(),
  );
  await step('see the handover note', () =>
    timeline.locator('[data-testid="timeline-activity"][data-type="handover_note"]').filter({ hasText: noteText }).waitFor(),
  );
  say('DONE');
});
