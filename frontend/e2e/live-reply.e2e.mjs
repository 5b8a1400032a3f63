// Browser end-to-end: an agent logs in, a buyer's message arrives live, the agent replies and sees it sent.
// Run by the backend's JUnit test (not by npm test). Protocol over stdout:
//   READY  logged in, inbox shown, live connection up: the test may now make the fake buyer write BUYER_TEXT
//   DONE   the reply REPLY_TEXT was delivered (data-status="sent"); exit code 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR, details on stderr); exit code 1
// Environment: BASE_URL, AGENT_USER, AGENT_PASS, BUYER_TEXT, REPLY_TEXT, CHROMIUM (default /usr/bin/chromium),
// SCREENSHOT_DIR.
import { conversationShowing, env, log, login, runScenario, say, step, timelineMessage } from './browser.mjs';

const baseUrl = env('BASE_URL');
const user = env('AGENT_USER');
const password = env('AGENT_PASS');
const buyerText = env('BUYER_TEXT');
const replyText = env('REPLY_TEXT');

await runScenario('live-reply', async ({ page }) => {
  page.setDefaultTimeout(20_000);

  await step(`open ${baseUrl} and log in as ${user}`, () => login(page, baseUrl, user, password, 'inbox'));
  log('logged in as', user, 'and connected');
  say('READY');

  // The buyer's message must arrive through the socket: no reload from here on.
  const row = conversationShowing(page, buyerText);
  await step('wait (30 s) for a conversation row showing the buyer text', () => row.waitFor({ timeout: 30_000 }));
  log('conversation row appeared:', await row.getAttribute('data-conversation-id'));
  await row.click();

  const timeline = page.getByTestId('timeline');
  await step('find the buyer text in the timeline', () => timelineMessage(timeline, 'in', buyerText).waitFor());

  const outgoing = timeline.locator('[data-testid="timeline-message"][data-direction="out"]');
  await step('send the reply', async () => {
    await page.getByTestId('reply-input').fill(replyText);
    await page.getByTestId('reply-send').click();
    await outgoing.filter({ hasText: replyText }).last().waitFor();
  });
  log('reply shown with status', await outgoing.filter({ hasText: replyText }).last().getAttribute('data-status'));

  const settled = timeline
    .locator('[data-testid="timeline-message"][data-direction="out"]:is([data-status="sent"], [data-status="failed"])')
    .filter({ hasText: replyText })
    .last();
  await step('wait (30 s) for the reply to be sent', () => settled.waitFor({ timeout: 30_000 }));
  const status = await settled.getAttribute('data-status');
  if (status !== 'sent') {
    const shown = (await settled.innerText()).replace(/\s*\n\s*/g, ' | ');
    throw new Error(`the reply was not delivered: status ${status}: ${shown}`);
  }
  say('DONE');
});
