// Browser end-to-end of the composer when a reply cannot go out. Run by the backend's JUnit test
// (BrowserReplyTest), not by npm test. Protocol over stdout:
//   READY    logged in, live connection up: the test may make the buyer write BUYER_TEXT
//   DONE     a too-long reply was counted and refused before sending; a reply sent while the server was
//            unreachable stayed in the composer with a retry, and the retry sent it once; exit 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR, details on stderr); exit code 1
// Environment: BASE_URL, AGENT_USER, AGENT_PASS, BUYER_TEXT, REPLY_TEXT, MAX_LENGTH, CHROMIUM, SCREENSHOT_DIR.
import path from 'node:path';
import { env, login, runScenario, say, step } from './browser.mjs';

const baseUrl = env('BASE_URL');
const user = env('AGENT_USER');
const password = env('AGENT_PASS');
const buyerText = env('BUYER_TEXT');
const replyText = env('REPLY_TEXT');
const maxLength = Number(env('MAX_LENGTH'));
const shots = env('SCREENSHOT_DIR');

await runScenario('composer-failures', async ({ page }) => {
  page.setDefaultTimeout(20_000);
  await step(`log in as ${user}`, () => login(page, baseUrl, user, password, 'inbox'));
  say('READY');

  const row = page.getByTestId('conversation-row').filter({ hasText: buyerText }).first();
  await step('open the buyer’s conversation', async () => {
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await page.getByTestId('composer-count').waitFor();
  });
  const input = page.getByTestId('reply-input');
  const send = page.getByTestId('reply-send');
  const outgoing = page.getByTestId('timeline').locator('[data-testid="timeline-message"][data-direction="out"]');

  await step(`a reply one character over the platform’s ${maxLength} is counted and cannot be sent`, async () => {
    await input.fill('a'.repeat(maxLength + 1));
    await page.locator('[data-testid="composer-count"][data-over="true"]').waitFor();
    const count = await page.getByTestId('composer-count').innerText();
    if (!count.includes(String(maxLength + 1)) || !count.includes(String(maxLength))) throw new Error(`count shows “${count}”`);
    await page.getByTestId('composer-too-long').waitFor();
    if (await send.isEnabled()) throw new Error('Send is enabled for a reply over the limit');
    await input.press('Enter');
    if ((await outgoing.count()) !== 0) throw new Error('an outgoing bubble appeared');
  });

  await step('with the server unreachable, the reply stays in the composer with a retry', async () => {
    await page.route('**/api/conversations/*/replies', (route) => route.abort('connectionrefused'));
    await input.fill(replyText);
    await page.locator('[data-testid="composer-count"][data-over="false"]').waitFor();
    await send.click();
    await page.getByTestId('composer-send-error').waitFor();
    if ((await input.inputValue()) !== replyText) throw new Error('the draft was lost');
    if ((await outgoing.filter({ hasText: replyText }).count()) !== 0) throw new Error('a failed bubble was left behind');
    await page.screenshot({ path: path.join(shots, 'composer-failures-kept-draft.png') });
  });

  await step('Retry sends it once the server answers again', async () => {
    await page.unroute('**/api/conversations/*/replies');
    await page.getByTestId('composer-retry').click();
    await outgoing.filter({ hasText: replyText }).first().waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="reply-input"]')?.value === '', null, { timeout: 20_000 })
      .catch(() => {
        throw new Error('the sent reply is still in the composer');
      });
    if (await page.getByTestId('composer-send-error').count()) throw new Error('the error is still shown after a successful retry');
  });
  say('DONE');
});
