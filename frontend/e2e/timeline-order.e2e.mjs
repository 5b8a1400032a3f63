// Browser end-to-end: an agent opens a conversation with some history and the timeline shows it in order,
// with the delivery status as visible text; a new reply is added at the end and its visible status turns to
// "Sent". Run by the backend's JUnit test (not by npm test). Protocol over stdout:
//   ENTRIES <json>  the timeline as shown, top to bottom: [{kind, text, status}] (visible text only)
//   AFTER <json>    the same after the agent's reply was delivered
//   DONE            exit code 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR, details on stderr); exit code 1
// Environment: BASE_URL, AGENT_USER, AGENT_PASS, LAST_BUYER_TEXT, REPLY_TEXT, CHROMIUM, SCREENSHOT_DIR.
import { conversationShowing, env, login, runScenario, say, step } from './browser.mjs';

const baseUrl = env('BASE_URL');
const user = env('AGENT_USER');
const password = env('AGENT_PASS');
const lastBuyerText = env('LAST_BUYER_TEXT');
const replyText = env('REPLY_TEXT');

/** What a person sees in the timeline, top to bottom. */
async function shownEntries(timeline) {
  return timeline.locator('[data-testid="timeline-message"], [data-testid="timeline-activity"]').evaluateAll((nodes) =>
    nodes.map((node) => {
      if (node.dataset.testid === 'timeline-activity') {
        return { kind: 'activity', text: node.innerText.trim() };
      }
      const text = node.querySelector('.bubble__text')?.innerText.trim() ?? '';
      const status = node.querySelector('[data-testid="message-status"]')?.innerText.trim() ?? null;
      const side = getComputedStyle(node).justifyContent;
      return { kind: 'message', text, status, side };
    }),
  );
}

await runScenario('timeline-order', async ({ page }) => {
  page.setDefaultTimeout(20_000);

  await step(`open ${baseUrl} and log in as ${user}`, () => login(page, baseUrl, user, password, 'inbox'));

  const row = conversationShowing(page, lastBuyerText);
  await step('open the conversation', async () => {
    await row.waitFor();
    await row.click();
  });
  const timeline = page.getByTestId('timeline');
  await step('wait for the whole history', () => timeline.getByText(lastBuyerText).waitFor());
  say(`ENTRIES ${JSON.stringify(await shownEntries(timeline))}`);

  await step('send a reply and see "Sent" on it', async () => {
    await page.getByTestId('reply-input').fill(replyText);
    await page.getByTestId('reply-send').click();
    const bubble = timeline.getByTestId('timeline-message').filter({ hasText: replyText }).last();
    await bubble.getByTestId('message-status').getByText('Sent', { exact: true }).waitFor({ timeout: 30_000 });
  });
  say(`AFTER ${JSON.stringify(await shownEntries(timeline))}`);
  say('DONE');
});
