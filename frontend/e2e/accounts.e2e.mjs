// Browser end-to-end: an admin opens the Accounts page, sees each shop's health, gets a dead-token alert live
// on the socket, and pauses/resumes another account. Run by the backend's JUnit test (BrowserAccountsTest).
// Protocol over stdout:
//   READY   the Accounts page shows DEAD_ACCOUNT and OTHER_ACCOUNT: the test may now kill DEAD_ACCOUNT's token
//   DONE    the alert appeared live, the row says "Re-authorize", OTHER_ACCOUNT was paused and resumed; exit 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR); exit 1
// Environment: BASE_URL, ADMIN_USER, ADMIN_PASS, DEAD_ACCOUNT, OTHER_ACCOUNT, CHROMIUM, SCREENSHOT_DIR.
import { env, log, login, runScenario, say, step } from './browser.mjs';

const baseUrl = env('BASE_URL');
const user = env('ADMIN_USER');
const password = env('ADMIN_PASS');
const dead = env('DEAD_ACCOUNT');
const other = env('OTHER_ACCOUNT');

await runScenario('accounts', async ({ page }) => {
  page.setDefaultTimeout(20_000);
  page.on('dialog', (dialog) => dialog.accept());

  await step(`log in as ${user}`, () => login(page, baseUrl, user, password, 'toggle-accounts'));
  await step('open the Accounts page', async () => {
    await page.getByTestId('toggle-accounts').click();
    await page.getByTestId(`account-row-${dead}`).waitFor();
    await page.getByTestId(`account-row-${other}`).waitFor();
  });
  log('accounts page shown');
  say('READY');

  await step('wait (30 s) for the dead-token alert to arrive live', () =>
    page.getByTestId('account-alert').filter({ hasText: dead }).first().waitFor({ timeout: 30_000 }),
  );
  await step('the row shows the account must be re-authorized', () =>
    page
      .getByTestId(`account-row-${dead}`)
      .getByTestId('account-health')
      .filter({ hasText: 'Re-authorize' })
      .waitFor(),
  );
  const otherRow = page.getByTestId(`account-row-${other}`);
  await step(`pause ${other}`, async () => {
    await otherRow.getByTestId('account-pause').click();
    await otherRow.getByTestId('account-health').filter({ hasText: 'Paused' }).waitFor();
  });
  await step(`resume ${other}`, async () => {
    await otherRow.getByTestId('account-resume').click();
    await otherRow.getByTestId('account-health').filter({ hasText: 'OK' }).waitFor();
  });
  say('DONE');
});
