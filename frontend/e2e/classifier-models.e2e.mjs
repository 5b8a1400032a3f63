// Browser end-to-end: an admin opens the Classifier page, retrains, sees the new inactive version with its
// test-split scores, switches to it and, once the test has checked the API, switches back.
// Run by the backend's JUnit test (BrowserClassifierModelsTest).
// Protocol over stdout:
//   VERSIONS <n>        the versions listed before retraining
//   TRAINED <version>   the new version the page announced
//   SCORES <recall>     the new version's overall urgent recall as the page shows it
//   ACTIVE <version>    the page shows the new version active (the test then checks the API and
//                       creates CONTINUE_FILE)
//   BACK <version>      switched back: the page shows the earlier version active again
//   DONE                exit 0
//   FAILED: <reason>    (screenshot in SCREENSHOT_DIR); exit 1
// Environment: BASE_URL, USER, PASS, CONTINUE_FILE, CHROMIUM, SCREENSHOT_DIR.
import { existsSync } from 'node:fs';
import { env, login, runScenario, say, step } from './browser.mjs';

const card = (page, version, active) =>
  page.locator(`[data-testid="model-version"][data-version="${version}"][data-active="${active}"]`);

await runScenario('classifier-models', async ({ page }) => {
  page.setDefaultTimeout(60_000);
  await step(`log in as ${env('USER')}`, () => login(page, env('BASE_URL'), env('USER'), env('PASS'), 'toggle-classifier'));
  let before;
  await step('open the Classifier page', async () => {
    await page.getByTestId('toggle-classifier').click();
    await page.locator('[data-testid="model-version"][data-active="true"]').waitFor();
  });
  const first = await page.locator('[data-testid="model-version"][data-active="true"]').getAttribute('data-version');
  before = await page.getByTestId('model-version').count();
  say(`VERSIONS ${before}`);
  let version;
  await step('retrain', async () => {
    await page.getByTestId('model-retrain').click();
    await page.getByTestId('model-trained').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="model-version"]').length > n, before);
    version = await page.getByTestId('model-version').first().getAttribute('data-version');
    await card(page, version, false).waitFor();
  });
  say(`TRAINED ${version}`);
  const overall = card(page, version, false).locator('[data-testid="model-score-row"][data-language="all"]');
  say(`SCORES ${(await overall.getByTestId('score-urgentRecall').textContent()).trim()}`);
  await step(`switch to version ${version}`, async () => {
    await card(page, version, false).getByTestId('model-activate').click();
    await card(page, version, true).waitFor();
    await card(page, first, false).waitFor();
  });
  say(`ACTIVE ${version}`);
  await step('wait until the test has read the API', async () => {
    while (!existsSync(env('CONTINUE_FILE'))) await page.waitForTimeout(100);
  });
  await step(`switch back to version ${first}`, async () => {
    await card(page, first, false).getByTestId('model-activate').click();
    await card(page, first, true).waitFor();
  });
  say(`BACK ${first}`);
  say('DONE');
});
