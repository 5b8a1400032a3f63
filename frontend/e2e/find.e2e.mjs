// Browser end-to-end: an agent finds a solved chat by a Chinese phrase, opens it read-only, sees the customer
// panel, follows it to the buyer's open chat, and uses the keyboard shortcuts; then the same at phone width.
// Run by the backend's JUnit test (BrowserFindTest).
// Protocol over stdout:
//   FOUND <ids>        the conversation rows the search for PHRASE shows (desktop)
//   READONLY <flag>    the opened solved chat is read-only (banner shown, no reply box)
//   BANNER_BG <css>    computed background of the read-only banner (styles loaded)
//   CUSTOMER <ids>     the earlier conversations the customer panel links
//   OPENED <id> <flag> the chat opened from the panel, and whether it has a reply box
//   HELP <n>           shortcuts listed by the ? help sheet
//   NEXT <id>          the chat selected after pressing j in the live list
//   FOCUS <testid>     the focused element after pressing r
//   AXE <n>            serious or critical accessibility violations (axe-core), with details on stderr
//   PHONE_WIDTH <px>   the page's scroll width at 390 px
//   PHONE <flow>       list|conversation|list, as shown on the phone
//   DONE               exit 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR); exit 1
// Environment: BASE_URL, USER, PASS, PHRASE, CHROMIUM, SCREENSHOT_DIR, AXE_PATH (optional).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { env, log, login, runScenario, say, step } from './browser.mjs';

const baseUrl = env('BASE_URL');
const phrase = env('PHRASE');
const dir = env('SCREENSHOT_DIR');
const axePath = env('AXE_PATH', '-');

const rowIds = (page) =>
  page.getByTestId('conversation-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')));

async function axeViolations(page) {
  if (axePath === '-') return null;
  // evaluated through the DevTools protocol: the app's Content-Security-Policy rightly refuses inline scripts
  await page.evaluate(`${await readFile(axePath, 'utf8')}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  violations.forEach((v) => log('axe:', v));
  return violations.length;
}

await runScenario(
  'find',
  async ({ page }) => {
    page.setDefaultTimeout(30_000);
    await step(`log in as ${env('USER')}`, () => login(page, baseUrl, env('USER'), env('PASS'), 'find-bar'));
    await step(`search ${phrase}`, async () => {
      await page.getByTestId('find-input').fill(phrase);
      await page.locator('[data-testid="conversation-row"][data-status="closed"]').first().waitFor();
    });
    say(`FOUND ${(await rowIds(page)).join(',')}`);
    await page.screenshot({ path: join(dir, 'find-desktop-search.png') });

    await step('open the solved chat', async () => {
      await page.locator('[data-testid="conversation-row"][data-status="closed"]').first().click();
      await page.getByTestId('read-only-banner').waitFor();
      await page.getByTestId('customer-conversation').first().waitFor();
    });
    const readOnly = (await page.getByTestId('reply-input').count()) === 0 && (await page.getByTestId('read-only-banner').isVisible());
    say(`READONLY ${readOnly}`);
    say(`BANNER_BG ${await page.getByTestId('read-only-banner').evaluate((e) => getComputedStyle(e).backgroundColor)}`);
    const linked = await page.getByTestId('customer-conversation').count();
    await page.screenshot({ path: join(dir, 'find-desktop-readonly.png') });
    const violations = await step('accessibility check', () => axeViolations(page));
    if (violations !== null) say(`AXE ${violations}`);

    await step('open the earlier chat from the customer panel', async () => {
      await page.getByTestId('customer-conversation').first().click();
      await page.locator('[data-testid="conversation-view"][data-read-only="false"]').waitFor();
    });
    const opened = await page.getByTestId('conversation-view').getAttribute('data-conversation-id');
    say(`CUSTOMER ${linked}`);
    say(`OPENED ${opened} ${(await page.getByTestId('reply-input').count()) === 1}`);

    await step('the ? help sheet', async () => {
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('?');
      await page.getByTestId('shortcut-help').waitFor();
    });
    say(`HELP ${await page.getByTestId('shortcut-help').locator('dt').count()}`);
    await page.screenshot({ path: join(dir, 'find-desktop-shortcuts.png') });
    await step('Escape closes it', async () => {
      await page.keyboard.press('Escape');
      await page.getByTestId('shortcut-help').waitFor({ state: 'detached' });
    });

    await step('back to the live inbox, j selects the next chat', async () => {
      await page.getByTestId('find-input').fill('');
      await page.getByTestId('find-tab-live').click();
      await page.locator(`[data-testid="conversation-row"][aria-current="true"][data-conversation-id="${opened}"]`).waitFor();
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('j');
      await page.locator(`[data-testid="conversation-row"][aria-current="true"]:not([data-conversation-id="${opened}"])`).waitFor();
    });
    say(`NEXT ${await page.locator('[data-testid="conversation-row"][aria-current="true"]').getAttribute('data-conversation-id')}`);
    await step('r focuses the reply box', async () => {
      await page.locator('[data-testid="conversation-view"][data-read-only="false"]').waitFor();
      await page.getByTestId('reply-input').waitFor();
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('r');
    });
    say(`FOCUS ${await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))}`);

    await step('phone width', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(baseUrl); // no conversation open: the phone starts on the list
      await page.getByTestId('find-bar').waitFor();
    });
    const flow = [];
    await step('search on the phone', async () => {
      await page.getByTestId('find-input').fill(phrase);
      await page.locator('[data-testid="conversation-row"][data-status="closed"]').first().waitFor();
    });
    say(`PHONE_WIDTH ${await page.evaluate(() => document.documentElement.scrollWidth)}`);
    flow.push((await page.getByTestId('conversation-list').isVisible()) ? 'list' : '?');
    await page.screenshot({ path: join(dir, 'find-phone-search.png') });
    await step('open it on the phone', async () => {
      await page.locator('[data-testid="conversation-row"][data-status="closed"]').first().click();
      await page.getByTestId('read-only-banner').waitFor();
    });
    flow.push((await page.getByTestId('conversation-list').isVisible()) ? '?' : 'conversation');
    await page.screenshot({ path: join(dir, 'find-phone-readonly.png'), fullPage: true });
    await step('back to the list', async () => {
      await page.getByTestId('back-to-list').click();
      await page.getByTestId('conversation-list').waitFor();
    });
    flow.push('list');
    say(`PHONE ${flow.join('|')}`);
    say('DONE');
  },
  { timeoutMs: 180_000 },
);
