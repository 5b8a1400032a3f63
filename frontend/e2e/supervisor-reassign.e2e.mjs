// Browser end-to-end: a supervisor reassigns a conversation in the console and the receiving agent's inbox
// shows it live (no reload) with its full history and the handover note. The agent then opens the transfer
// box (the team list and the colleagues of the shop) and transfers it to a colleague by name; finally the
// supervisor edits the shift roster as a form (a missing name is marked, then a shift is saved).
// Run by the backend's JUnit test (SupervisorReassignBrowserTest). Protocol over stdout:
//   READY                      both are logged in and connected; the console lists the conversation
//   SEEN                       the agent opened it and saw the buyer's message, the earlier agent's reply, the
//                              reassignment and the handover note
//   TEAMS <name|name|...>      the teams offered in the transfer box
//   COLLEAGUES <presence:name|...>  the colleagues offered, in order
//   TRANSFERRED                transferred to COLLEAGUE_NAME: the row left the agent's inbox
//   ROSTER_INVALID <message>   the message next to the shift name left empty
//   DONE                       the roster form saved the new shift; exit code 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR, details on stderr); exit code 1
// Environment: BASE_URL, AGENT_USER, AGENT_PASS, AGENT_ID, SUP_USER, SUP_PASS, CONVERSATION_ID, BUYER_TEXT,
// EARLIER_REPLY, NOTE_TEXT, REASON, COLLEAGUE_NAME, TRANSFER_NOTE, SHIFT_NAME, CHROMIUM, SCREENSHOT_DIR.
import { env, log, login, runScenario, say, step, timelineMessage } from './browser.mjs';

const baseUrl = env('BASE_URL');
const conversationId = env('CONVERSATION_ID');
const agentId = env('AGENT_ID');
const buyerText = env('BUYER_TEXT');
const earlierReply = env('EARLIER_REPLY');
const noteText = env('NOTE_TEXT');
const reason = env('REASON');

await runScenario('supervisor-reassign', async ({ page: agent, context }) => {
  agent.setDefaultTimeout(20_000);
  const supervisor = await context.newPage();
  supervisor.setDefaultTimeout(20_000);

  await step('log in as the receiving agent', () => login(agent, baseUrl, env('AGENT_USER'), env('AGENT_PASS'), 'inbox'));
  const row = agent.locator(`[data-testid="conversation-row"][data-conversation-id="${conversationId}"]`);
  if ((await row.count()) !== 0) throw new Error('the conversation is in the agent inbox before the reassignment');

  await step('log in as the supervisor and open the console', async () => {
    await login(supervisor, baseUrl, env('SUP_USER'), env('SUP_PASS'), 'inbox');
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
  await step('see the buyer message from before', () => timelineMessage(timeline, 'in', buyerText).waitFor());
  await step('see the earlier agent reply', () => timelineMessage(timeline, 'out', earlierReply).waitFor());
  await step('see the reassignment with its reason', () =>
    timeline.locator('[data-testid="timeline-activity"][data-type="reassigned"]').filter({ hasText: reason }).waitFor(),
  );
  await step('see the handover note', () =>
    timeline.locator('[data-testid="timeline-activity"][data-type="handover_note"]').filter({ hasText: noteText }).waitFor(),
  );
  say('SEEN');

  const colleagueName = env('COLLEAGUE_NAME');
  const teamOptions = agent.getByTestId('transfer-team').locator('option:not([value=""])');
  const colleagueOptions = agent.getByTestId('transfer-colleague').locator('option[data-presence]');
  await step('open the transfer box: the teams and the colleagues of the shop load', async () => {
    await agent.getByTestId('transfer-open').click();
    await teamOptions.first().waitFor({ state: 'attached' });
    await colleagueOptions.filter({ hasText: colleagueName }).waitFor({ state: 'attached' });
  });
  say(`TEAMS ${(await teamOptions.allInnerTexts()).map((s) => s.trim()).join('|')}`);
  const offered = await colleagueOptions.evaluateAll((options) => options.map((o) => `${o.dataset.presence}:${o.textContent}`));
  say(`COLLEAGUES ${offered.join('|')}`);
  await step('transfer to the colleague by name, with a note; it leaves the agent inbox', async () => {
    const value = await colleagueOptions.filter({ hasText: colleagueName }).getAttribute('value');
    await agent.getByTestId('transfer-colleague').selectOption(value);
    await agent.getByTestId('transfer-note').fill(env('TRANSFER_NOTE'));
    await agent.getByTestId('transfer-send').click();
    await row.waitFor({ state: 'detached' });
  });
  say('TRANSFERRED');

  const shiftName = env('SHIFT_NAME');
  let invalid = '';
  await step('open the roster form and add a shift without a name', async () => {
    await supervisor.getByTestId('roster-load').click();
    await supervisor.getByTestId('roster-form').waitFor();
    const before = await supervisor.getByTestId('roster-shift').count();
    await supervisor.getByTestId('roster-add-shift').click();
    await supervisor.getByTestId('roster-save').click();
    invalid = (await supervisor.getByTestId(`roster-error-shift.${before}.name`).innerText()).trim();
  });
  say(`ROSTER_INVALID ${invalid}`);
  await step('name the shift, give it its hours and the agent, and save', async () => {
    const shift = supervisor.getByTestId('roster-shift').last();
    await shift.getByTestId('roster-shift-name').fill(shiftName);
    await shift.getByTestId('roster-shift-start').fill('13:00');
    await shift.getByTestId('roster-shift-end').fill('22:00');
    await shift.locator(`[data-testid="roster-shift-agent"][data-username="${env('AGENT_USER')}"]`).check();
    await supervisor.getByTestId('roster-save').click();
    await supervisor.getByTestId('roster-status').filter({ hasText: /Saved|已保存/ }).waitFor();
  });
  say('DONE');
});
