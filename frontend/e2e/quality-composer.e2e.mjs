// Browser end-to-end of the composer's compliance check and quick replies. Run by the backend's JUnit test
// (BrowserComposerTest), not by npm test. Protocol over stdout:
//   READY    logged in, inbox shown, live connection up: the test may make the buyer write BUYER_TEXT
//   BLOCKED  BANNED_TEXT was typed: its blocked words are highlighted, Send is disabled, Enter did not send it
//   DONE     "/" + SHORTCUT inserted QUICK_TEXT (variables filled) and it was sent (data-status="sent"); exit 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR, details on stderr); exit code 1
// Environment: BASE_URL, AGENT_USER, AGENT_PASS, BUYER_TEXT, BANNED_TEXT, BANNED_TERMS (comma-separated terms
// that must be highlighted as blocked), SHORTCUT, QUICK_TEXT, CHROMIUM, SCREENSHOT_DIR.
import { conversationShowing, env, log, login, runScenario, say, step, timelineMessage } from './browser.mjs';

const baseUrl = env('BASE_URL');
const user = env('AGENT_USER');
const password = env('AGENT_PASS');
const buyerText = env('BUYER_TEXT');
const bannedText = env('BANNED_TEXT');
const bannedTerms = env('BANNED_TERMS').split(',');
const shortcut = env('SHORTCUT');
const quickText = env('QUICK_TEXT');

await runScenario('quality-composer', async ({ page }) => {
  page.setDefaultTimeout(20_000);

  await step(`open ${baseUrl} and log in as ${user}`, () => login(page, baseUrl, user, password, 'inbox'));
  say('READY');

  const row = conversationShowing(page, buyerText);
  await step('wait (30 s) for the buyer’s conversation', () => row.waitFor({ timeout: 30_000 }));
  await row.click();
  await step('find the buyer text in the timeline', () =>
    timelineMessage(page.getByTestId('timeline'), 'in', buyerText).waitFor(),
  );

  const input = page.getByTestId('reply-input');
  const send = page.getByTestId('reply-send');
  const outgoing = page.getByTestId('timeline').locator('[data-testid="timeline-message"][data-direction="out"]');

  await step('type a reply with banned words', () => input.fill(bannedText));
  for (const term of bannedTerms) {
    await step(`see “${term}” highlighted as blocked`, async () => {
      const mark = page.locator(`[data-testid="composer-highlight"][data-action="block"][data-term="${term}"]`);
      await mark.waitFor();
      const shown = await mark.innerText();
      if (!bannedText.includes(shown)) throw new Error(`highlight shows “${shown}”, not a part of the reply`);
    });
  }
  await step('see the reply blocked with its findings', async () => {
    await page.getByTestId('composer-blocked').waitFor();
    await page.locator('[data-testid="composer-finding"][data-action="block"]').first().waitFor();
    if (await send.isEnabled()) throw new Error('Send is enabled for a blocked reply');
  });
  await step('press Enter: nothing is sent', async () => {
    await input.press('Enter');
    await page.getByTestId('composer-override-required').waitFor();
    if ((await input.inputValue()) !== bannedText) throw new Error('the draft was cleared as if it had been sent');
    if ((await outgoing.count()) !== 0) throw new Error('an outgoing message appeared');
  });
  log('blocked:', bannedTerms.join(', '));
  say('BLOCKED');

  await step('clear the draft', async () => {
    await input.fill('');
    await page.getByTestId('composer-blocked').waitFor({ state: 'detached' });
  });
  await step(`type /${shortcut} and pick the quick reply`, async () => {
    await input.focus();
    await page.keyboard.type(`/${shortcut}`);
    const option = page.locator(`[data-testid="quick-reply-option"][data-shortcut="${shortcut}"]`);
    await option.waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('quick-reply-list').waitFor({ state: 'detached' });
  });
  await step('see the quick reply inserted with its variables filled', async () => {
    const value = await input.inputValue();
    if (value !== quickText) throw new Error(`the composer holds “${value}”, expected “${quickText}”`);
    if (await page.getByTestId('quick-reply-missing').count()) throw new Error('a variable was left unfilled');
  });
  await step('the inserted text passes the compliance check and is sent', async () => {
    await page.locator('[data-testid="composer"][data-verdict="clean"]').waitFor();
    await send.click();
    const settled = outgoing.filter({ hasText: quickText }).last();
    await settled.waitFor();
    await page
      .getByTestId('timeline')
      .locator('[data-testid="timeline-message"][data-direction="out"]:is([data-status="sent"], [data-status="failed"])')
      .filter({ hasText: quickText })
      .last()
      .waitFor({ timeout: 30_000 });
    const status = await outgoing.filter({ hasText: quickText }).last().getAttribute('data-status');
    if (status !== 'sent') throw new Error(`the quick reply was not delivered: ${status}`);
  });
  say('DONE');
});
