// Browser end-to-end: a supervisor sees the live projection alert of a shop falling behind, opens the chat
// that would save it, and sets the shop's own line on the Reports page, which ends the alert.
// Run by the backend's JUnit test (BrowserProjectionTest).
// Protocol over stdout:
//   ALERT <text>     the alert's text once it shows for ACCOUNT
//   OPENED <buyer>   the buyer in the header of the chat the saver button opened
//   CLEARED          the alert is gone after the line was saved
//   DONE             exit 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR); exit 1
// Environment: BASE_URL, USER, PASS, ACCOUNT, LINE (percent), CHROMIUM, SCREENSHOT_DIR.
import { env, login, runScenario, say, step } from './browser.mjs';

const account = env('ACCOUNT');

await runScenario('projection', async ({ page }) => {
  page.setDefaultTimeout(30_000);
  await step(`log in as ${env('USER')}`, () => login(page, env('BASE_URL'), env('USER'), env('PASS'), 'inbox'));
  const alert = page.locator(`[data-testid="projection-alert"][data-account-id="${account}"]`);
  await step('the projection alert shows', () => alert.waitFor());
  say(`ALERT ${(await alert.textContent()).trim()}`);
  await step('open the chat that would save it', async () => {
    await alert.getByTestId('projection-saver').first().click();
    await page.getByTestId('conversation-header').waitFor();
  });
  say(`OPENED ${(await page.getByTestId('conversation-header').textContent()).trim()}`);
  await step('set the shop line on Reports', async () => {
    await page.getByTestId('toggle-reports').click();
    const row = page.locator(`[data-testid="projection-row"][data-account-id="${account}"]`);
    await row.locator('input').fill(env('LINE'));
    await row.getByRole('button').first().click();
    await alert.waitFor({ state: 'detached' });
  });
  say('CLEARED');
  say('DONE');
});
