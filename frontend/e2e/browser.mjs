// Shared launcher for the browser end-to-end scripts (plain Node ESM, playwright-core, the system Chromium).
// The scripts are run by the backend's JUnit tests, which talk to them over stdout lines (READY, DONE...).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A required environment variable, or `fallback` when given; a missing one fails with its name. */
export function env(name, fallback) {
  const value = process.env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new Error(`environment variable ${name} is not set`);
}

/** Prints one protocol line (READY, DONE...) on stdout, alone on its line. */
export function say(line) {
  process.stdout.write(`${line}\n`);
}

/** Diagnostics go to stderr so they never mix with the protocol lines. */
export function log(...parts) {
  process.stderr.write(`[e2e] ${parts.join(' ')}\n`);
}

/** Runs one named step; a failure says which step failed (the FAILED line shows only the first line). */
export async function step(description, action) {
  try {
    return await action();
  } catch (error) {
    const reason = String(error?.message ?? error).split('\n')[0];
    throw new Error(`${description}: ${reason}`, { cause: error });
  }
}

/**
 * Starts the system Chromium headless with a fresh, throw-away profile.
 * Returns the persistent context, its first page and close(), which also deletes the profile.
 */
export async function launchBrowser({ executablePath = env('CHROMIUM', '/usr/bin/chromium'), headless = true } = {}) {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'unibox-e2e-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => log('page error:', error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log(`browser ${message.type()}:`, message.text());
  });
  const close = async () => {
    try {
      await context.close();
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  };
  return { context, page, close };
}

/**
 * Runs one scenario: launches the browser, runs `scenario({page, context})`, and exits the process:
 * 0 on success; on failure (or after `timeoutMs`) it saves a screenshot into SCREENSHOT_DIR,
 * prints `FAILED: <reason>` on stdout and the details on stderr, and exits 1.
 */
export async function runScenario(name, scenario, { timeoutMs = 120_000 } = {}) {
  let browser;
  let exitCode = 0;
  let timer;
  try {
    browser = await launchBrowser();
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([scenario({ page: browser.page, context: browser.context }), timeout]);
  } catch (error) {
    exitCode = 1;
    if (browser) await screenshot(browser.page, name);
    say(`FAILED: ${firstLine(error)}`);
    log(error?.cause?.stack ?? error?.stack ?? String(error));
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch((error) => log('closing the browser failed:', error.message));
  }
  process.exit(exitCode);
}

async function screenshot(page, name) {
  try {
    const dir = env('SCREENSHOT_DIR', path.join(tmpdir(), 'unibox-e2e-screenshots'));
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${name}-failure-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    log('screenshot saved:', file, 'at', page.url());
  } catch (error) {
    log('could not save a screenshot:', error.message);
  }
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}
