// Browser journey, at desktop and at phone size: an admin's day. Log in, open Users, create an agent
// (NEW_USER_desktop, then NEW_USER_phone) with a shop and a capacity, see it in the table, then open Accounts
// and see the shop's health with its pause button. Screenshots of every step are kept in SCREENSHOT_DIR as
// admin-day-<size>-<step>.png. Run by the backend's JUnit test (BrowserJourneysTest).
// Protocol over stdout (each line carries the size):
//   LAYOUT <size> <step> <px>     the page's scroll width (the script fails above the window width)
//   CREATED <size> <username>     the new agent's row is in the users table
//   HEALTH <size> <text>          the health the Accounts page shows for ACCOUNT
//   DONE                          exit 0;  FAILED: <size>: <reason> (screenshot in SCREENSHOT_DIR), exit 1
// Environment: BASE_URL, ADMIN_USER, ADMIN_PASS, NEW_USER_desktop, NEW_USER_phone, ACCOUNT, CHROMIUM, SCREENSHOT_DIR.
import { checkLayout, checkReachable, env, login, runAtBothSizes, say, step } from './browser.mjs';

const baseUrl = env('BASE_URL');
const account = env('ACCOUNT');
await runAtBothSizes('admin-day', async ({ page, size, phone, shot }) => {
  const username = env(`NEW_USER_${size.name}`);

  await step('log in', () => login(page, baseUrl, env('ADMIN_USER'), env('ADMIN_PASS')));
  await step('open Users', async () => {
    await checkReachable(page, size, 'toggle-users');
    await page.getByTestId('toggle-users').click();
    await page.getByTestId('users-table').waitFor();
  });
  await shot('users');
  await step('the users page fits', () => checkLayout(page, size, 'users', { 'users-page': phone ? 370 : 1000 }));

  await step(`create the agent ${username}`, async () => {
    await checkReachable(page, size, 'users-add');
    await page.getByTestId('users-add').click();
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-display-name').fill(`${username} (new)`);
    await page.getByTestId('user-password').fill(`first-pass-${username}-2026`);
    await page.getByTestId('user-role').selectOption('agent');
    await page.locator(`[data-testid="user-shop"][data-shop="${account}"]`).check();
    await page.getByTestId('user-capacity').fill('4');
    await shot('user-form');
    await checkLayout(page, size, 'user-form', { 'user-form': phone ? 340 : 300 });
    await checkReachable(page, size, 'user-save');
    await page.getByTestId('user-save').click();
    await page.locator(`[data-testid="user-row"][data-username="${username}"]`).waitFor();
  });
  await shot('created');
  await step('the users page still fits', () => checkLayout(page, size, 'created'));
  await step('the new row’s actions are on screen', () =>
    checkReachable(page, size, page.locator(`[data-testid="user-row"][data-username="${username}"]`).getByTestId('user-edit')),
  );
  say(`CREATED ${size.name} ${username}`);

  const row = page.getByTestId(`account-row-${account}`);
  await step('open Accounts', async () => {
    await checkReachable(page, size, 'toggle-accounts');
    await page.getByTestId('toggle-accounts').click();
    await row.waitFor();
  });
  await shot('accounts');
  await step('the accounts page fits', () => checkLayout(page, size, 'accounts', { 'accounts-page': phone ? 370 : 1000 }));
  await step('the account’s health and pause button are on screen', async () => {
    await checkReachable(page, size, row.getByTestId('account-health'));
    await checkReachable(page, size, row.getByTestId('account-pause'));
  });
  say(`HEALTH ${size.name} ${(await row.getByTestId('account-health').innerText()).trim()}`);
});
