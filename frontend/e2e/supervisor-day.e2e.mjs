// Browser journey, at desktop and at phone size: a supervisor's day. Log in, open the console, see the queue
// (QUEUED waits there, owned by the queue) and the agents, move a chat (CHAT_desktop, then CHAT_phone) to
// TARGET_ID with a reason, and see its new owner in the console. Screenshots of every step are kept in
// SCREENSHOT_DIR as supervisor-day-<size>-<step>.png. Run by the backend's JUnit test (BrowserJourneysTest).
// Protocol over stdout (each line carries the size):
//   LAYOUT <size> <step> <px>    the page's scroll width (the script fails above the window width)
//   QUEUE <size> <owner text>    what the owner column says for the queued chat
//   AGENTS <size> <usernames>    the agents listed, comma-separated
//   OWNER <size> <id> <text>     the owner column of the moved chat after the move
//   DONE                         exit 0;  FAILED: <size>: <reason> (screenshot in SCREENSHOT_DIR), exit 1
// Environment: BASE_URL, SUP_USER, SUP_PASS, QUEUED, CHAT_desktop, CHAT_phone, TARGET_ID, TARGET_NAME, REASON,
// CHROMIUM, SCREENSHOT_DIR.
import { checkLayout, checkReachable, env, login, runAtBothSizes, say, step } from './browser.mjs';

const baseUrl = env('BASE_URL');
const targetName = env('TARGET_NAME');
await runAtBothSizes('supervisor-day', async ({ page, size, phone, shot }) => {
  const chat = env(`CHAT_${size.name}`);
  const conversation = (id) => page.locator(`[data-testid="console-conversation"][data-conversation-id="${id}"]`);

  await step('log in', () => login(page, baseUrl, env('SUP_USER'), env('SUP_PASS')));
  await step('open the console', async () => {
    await checkReachable(page, size, 'toggle-console');
    await page.getByTestId('toggle-console').click();
    await page.getByTestId('supervisor-console').waitFor();
  });
  await step('see the queued chat and the chat to move', async () => {
    await conversation(env('QUEUED')).waitFor();
    await conversation(chat).waitFor();
    await page.getByTestId('console-agent').first().waitFor();
  });
  await shot('console');
  await step('the console fits', () => checkLayout(page, size, 'console', { 'supervisor-console': phone ? 370 : 1000 }));
  await step('the owner column of the queued chat is on screen', () =>
    checkReachable(page, size, conversation(env('QUEUED')).getByTestId('console-owner')),
  );
  say(`QUEUE ${size.name} ${(await conversation(env('QUEUED')).getByTestId('console-owner').innerText()).trim()}`);
  const agents = await page.getByTestId('console-agent').evaluateAll((rows) => rows.map((r) => r.dataset.agent));
  say(`AGENTS ${size.name} ${agents.join(',')}`);

  await step(`move ${chat} to ${targetName} with a reason`, async () => {
    await conversation(chat).getByTestId('console-select').check();
    await checkReachable(page, size, 'console-target');
    await page.getByTestId('console-target').selectOption(env('TARGET_ID'));
    await page.getByTestId('console-reason').fill(env('REASON'));
    await checkReachable(page, size, 'console-move');
    await page.getByTestId('console-move').click();
    await page.getByTestId('console-feedback').waitFor();
  });
  await step(`the console shows ${targetName} as the owner`, () =>
    conversation(chat).getByTestId('console-owner').filter({ hasText: targetName }).waitFor(),
  );
  await shot('moved');
  await step('the console still fits', () => checkLayout(page, size, 'moved'));
  await step('the owner column of the moved chat is on screen', () => checkReachable(page, size, conversation(chat).getByTestId('console-owner')));
  say(`OWNER ${size.name} ${chat} ${(await conversation(chat).getByTestId('console-owner').innerText()).trim()}`);
});
