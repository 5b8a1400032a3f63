// Browser end-to-end: a supervisor plans a day with a peak in the supervisor console, reads the short hours and the
// proposed standby, applies the plan through its confirmation, sees the stored surge windows listed and removes them.
// Run by the backend's JUnit test (BrowserStaffingPlanTest). Protocol over stdout:
//   SHORT <h,h,...>      the hours the table marks short (data-hour), in order
//   STANDBY <text>       the summary's "standby to add" (users, comma separated)
//   SURGE <text>         the summary's surge windows
//   NONE_STORED          before applying, the panel says no window is stored for DATE
//   APPLIED <text>       what the panel says was applied
//   STORED <w|w...>      the stored windows listed after the apply (each: window, its agents, who stored it, when);
//                        the script then waits until the test has checked the database (it creates CONTINUE_FILE)
//   TAIL <text>          what the panel says under the stored windows about their tail
//   REMOVED <text>       what the panel says after the confirmed removal; the list then says none are stored
//   DONE                 exit 0
//   FAILED: <reason>     (screenshot in SCREENSHOT_DIR); exit 1
// Environment: BASE_URL, USER, PASS, DATE (YYYY-MM-DD), PEAK (e.g. 20:00-22:00x10), CONTINUE_FILE, CHROMIUM,
// SCREENSHOT_DIR.
import { existsSync } from 'node:fs';
import { env, login, runScenario, say, step } from './browser.mjs';

const text = async (locator) => (await locator.innerText()).trim();

await runScenario('staffing-plan', async ({ page }) => {
  page.setDefaultTimeout(20_000);
  await step(`log in as ${env('USER')}`, () => login(page, env('BASE_URL'), env('USER'), env('PASS'), 'toggle-console'));
  await step('open the supervisor console and its staffing plan', async () => {
    await page.getByTestId('toggle-console').click();
    await page.getByTestId('staffing-form').waitFor();
  });

  await step(`plan ${env('DATE')} with the peak ${env('PEAK')}`, async () => {
    await page.getByTestId('staffing-date').fill(env('DATE'));
    await page.getByTestId('staffing-peak').fill(env('PEAK'));
    await page.getByTestId('staffing-submit').click();
    await page.getByTestId('staffing-result').waitFor();
  });
  const shortHours = await page
    .locator('[data-testid="staffing-hour"][data-short="true"]')
    .evaluateAll((rows) => rows.map((r) => r.dataset.hour));
  say(`SHORT ${shortHours.join(',')}`);
  say(`STANDBY ${await text(page.getByTestId('staffing-standby-add'))}`);
  say(`SURGE ${await text(page.getByTestId('staffing-surge-windows'))}`);
  await step('the panel lists no stored window for the day yet', () => page.getByTestId('staffing-windows-none').waitFor());
  say('NONE_STORED');

  await step('apply the plan through its confirmation', async () => {
    await page.getByTestId('staffing-apply').click();
    await page.getByTestId('staffing-confirm').waitFor();
    await page.getByTestId('staffing-apply-yes').click();
    await page.getByTestId('staffing-applied').waitFor();
  });
  say(`APPLIED ${await text(page.getByTestId('staffing-applied'))}`);
  const stored = page.getByTestId('staffing-window');
  await step('the stored windows are listed', () => stored.first().waitFor());
  say(`STORED ${(await stored.allInnerTexts()).map((s) => s.trim()).join('|')}`);
  say(`TAIL ${await text(page.getByTestId('staffing-windows-tail'))}`);
  await step('wait until the test has read the database', async () => {
    while (!existsSync(env('CONTINUE_FILE'))) await page.waitForTimeout(100);
  });

  await step('remove the planned windows through their confirmation', async () => {
    await page.getByTestId('staffing-windows-remove').click();
    await page.getByTestId('staffing-windows-confirm').waitFor();
    await page.getByTestId('staffing-windows-yes').click();
    await page.getByTestId('staffing-windows-removed').waitFor();
    await page.getByTestId('staffing-windows-none').waitFor();
  });
  say(`REMOVED ${await text(page.getByTestId('staffing-windows-removed'))}`);

  // another supervisor applies the plan: the open panel lists the new windows without being reloaded
  await step('the windows another supervisor stored appear by themselves', async () => {
    while (!existsSync(env('AGAIN_FILE'))) await page.waitForTimeout(100);
    await stored.first().waitFor();
  });
  say(`LIVE ${(await stored.allInnerTexts()).map((s) => s.trim()).join('|')}`);
  say('DONE');
}, { timeoutMs: 60_000 });
