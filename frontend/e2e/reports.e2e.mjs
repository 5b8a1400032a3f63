// Browser end-to-end: a supervisor opens Reports, filters one shop, sees the chart and downloads the XLSX.
// Run by the backend's JUnit test (BrowserReportsTest).
// Protocol over stdout:
//   SHOPS <id,id>   the shops the shop filter offers (the server's scope for this user)
//   TOTAL <n>       the conversations in the Total row once one shop is filtered, grouped by shop
//   CHART <text>    the category labels the chart drew
//   SLA <text>      the chart's texts after switching it to SLA warnings and breaches
//   CONVERSION <text>  the chart's texts in the conversion view
//   CONVERTED <pre-sale>/<converted>/<rate>  the Total row's conversion cells
//   QUALITY <text>  the chart's texts in the compliance and satisfaction view
//   SAVED <path>    the downloaded XLSX file
//   HOURS <n>/<total>   per hour of day: how many hour labels (00:00–01:00 …) the chart drew, and the Total row
//   SHIFTS <text>/<total>  per shift: the chart's category labels, and the Total row
//   DONE            exit 0
//   FAILED: <reason>   (screenshot in SCREENSHOT_DIR); exit 1
// Environment: BASE_URL, USER, PASS, ACCOUNT, TO_DATE (the shop's today), CHROMIUM, SCREENSHOT_DIR.
import { join } from 'node:path';
import { env, login, runScenario, say, step } from './browser.mjs';

const baseUrl = env('BASE_URL');
const account = env('ACCOUNT');
const dir = env('SCREENSHOT_DIR');

await runScenario('reports', async ({ page }) => {
  page.setDefaultTimeout(30_000);
  await step(`log in as ${env('USER')}`, () => login(page, baseUrl, env('USER'), env('PASS'), 'toggle-reports'));
  await step('open Reports', async () => {
    await page.getByTestId('toggle-reports').click();
    await page.locator('[data-testid="report-loaded"][data-account=""]').waitFor();
  });
  const shops = await page.getByTestId('report-shop').locator('option').evaluateAll((options) =>
    options.map((o) => o.value).filter((v) => v !== ''),
  );
  say(`SHOPS ${shops.join(',')}`);
  await step(`filter shop ${account}, per shop`, async () => {
    await page.getByTestId('report-shop').selectOption(account);
    await page.getByTestId('report-to').fill(env('TO_DATE'));
    await page.getByTestId('report-group').selectOption('shop');
    await page.locator(`[data-testid="report-loaded"][data-account="${account}"][data-group="shop"][aria-busy="false"]`).waitFor();
  });
  await step('the chart is drawn', () => page.locator('[data-testid="report-chart"] svg').waitFor());
  const chartText = await page.locator('[data-testid="report-chart"] svg text').allTextContents();
  say(`CHART ${chartText.join('|')}`);
  say(`TOTAL ${(await page.getByTestId('report-total').getByTestId('report-conversations').textContent()).trim()}`);
  await step('chart the SLA warnings and breaches', async () => {
    await page.getByTestId('report-view').selectOption('sla');
    await page.locator('[data-testid="report-chart"] svg text', { hasText: 'SLA breaches' }).first().waitFor();
  });
  say(`SLA ${(await page.locator('[data-testid="report-chart"] svg text').allTextContents()).join('|')}`);
  await step('chart the conversion of pre-sale chats', async () => {
    await page.getByTestId('report-view').selectOption('conversion');
    await page.locator('[data-testid="report-chart"] svg text', { hasText: 'Pre-sale chats' }).first().waitFor();
  });
  say(`CONVERSION ${(await page.locator('[data-testid="report-chart"] svg text').allTextContents()).join('|')}`);
  const total = page.getByTestId('report-total');
  const cell = async (id) => (await total.getByTestId(id).textContent()).trim();
  say(`CONVERTED ${await cell('report-presale')}/${await cell('report-converted')}/${await cell('report-conversion')}`);
  await step('chart compliance and satisfaction', async () => {
    await page.getByTestId('report-view').selectOption('quality');
    await page.locator('[data-testid="report-chart"] svg text', { hasText: 'Compliance findings' }).first().waitFor();
  });
  say(`QUALITY ${(await page.locator('[data-testid="report-chart"] svg text').allTextContents()).join('|')}`);
  const file = join(dir, 'report.xlsx');
  await step('download the XLSX', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
    await download.saveAs(file);
  });
  say(`SAVED ${file}`);
  const loaded = (group) => page.locator(`[data-testid="report-loaded"][data-group="${group}"][aria-busy="false"]`).waitFor();
  const totalConversations = async () => (await total.getByTestId('report-conversations').textContent()).trim();
  await step('per hour of day', async () => {
    await page.getByTestId('report-view').selectOption('response');
    await page.getByTestId('report-group').selectOption('hour');
    await loaded('hour');
    await page.locator('[data-testid="report-chart"] svg text', { hasText: '23:00–00:00' }).first().waitFor();
  });
  const hourLabels = (await page.locator('[data-testid="report-chart"] svg text').allTextContents())
    .filter((x) => /^\d\d:00–\d\d:00$/.test(x));
  say(`HOURS ${hourLabels.length}/${await totalConversations()}`);
  await step('per shift, with the workload chart', async () => {
    await page.getByTestId('report-group').selectOption('shift');
    await loaded('shift');
    await page.getByTestId('report-view').selectOption('workload');
    await page.locator('[data-testid="report-chart"] svg text', { hasText: 'Online (h)' }).first().waitFor();
  });
  const shiftTexts = await page.locator('[data-testid="report-chart"] svg text').allTextContents();
  say(`SHIFTS ${shiftTexts.join('|')}/${await totalConversations()}`);
  say('DONE');
});
