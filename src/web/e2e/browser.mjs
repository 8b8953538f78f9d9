// Shared set-up of the browser tests: Debian's Chromium through playwright-core, every page watched for
// CSP violations, uncaught errors and requests to any other origin.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const BASE = (process.env.E2E_BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const ORIGIN = new URL(BASE).origin;
export const SCREENSHOTS = process.env.E2E_SCREENSHOT_DIR ?? 'e2e-screenshots';

export function credentials(key) {
  const username = process.env[`E2E_${key}_USER`];
  const password = process.env[`E2E_${key}_PASSWORD`];
  if (!username || !password) throw new Error(`E2E_${key}_USER / E2E_${key}_PASSWORD are not set`);
  return { username, password };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    headless: true,
  });
}

/** A fresh context (own storage, empty cache) at 1366×768 whose problems are collected in `problems`. */
export async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
  const page = await context.newPage();
  // The shared CI machine can be slow: waits are generous, failures are explained below.
  page.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS ?? 120_000));
  const problems = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
    else if (msg.type() === 'error') console.log(`# console error on ${page.url()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== ORIGIN) problems.push(`request left the origin: ${url}`);
  });
  return { context, page, problems };
}

export async function signIn(page, key, startPath = '/') {
  const { username, password } = credentials(key);
  await page.goto(BASE + startPath);
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.jpg`), type: 'jpeg', quality: 55 });
}

/** Runs a GraphQL operation from inside the page, with the page's own token, and returns the JSON body. */
export async function graphqlInPage(page, query, variables = {}) {
  return page.evaluate(async ({ query, variables }) => {
    const session = JSON.parse(sessionStorage.getItem('opora.session') ?? '{}');
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  }, { query, variables });
}

/** Runs a browser test body; on failure prints what the page showed and saves a screenshot. */
export async function explained(session, name, body) {
  try {
    await body();
  } catch (error) {
    try {
      await screenshot(session.page, `failure-${name}`);
      console.log(`# ${name} failed at ${session.page.url()}; page text:\n${(await session.page.innerText('body')).slice(0, 2000)}`);
      console.log(`# problems: ${JSON.stringify(session.problems)}`);
    } catch {
      // the page itself is gone; the original error says why
    }
    throw error;
  }
}

/**
 * Picks an option of an Ant Design Select, typing `search` first when given. The dropdown of a select chosen just
 * before may still be fading out, and an option of it with the same text would take the click: so this waits (briefly)
 * for other dropdowns to close and picks from the newest open one. On a loaded machine a click can land while the
 * dropdown still opens, so the choice is checked and made again if it did not take.
 */
export async function choose(page, select, option, search) {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 0; ; attempt++) {
    await open.first().waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => {});
    await select.click();
    if (search) await page.keyboard.type(search);
    await open.last().locator('.ant-select-item-option', { hasText: option }).first().click();
    for (let wait = 0; wait < 25; wait++) {
      if ((await select.innerText()).includes(option)) return;
      await page.waitForTimeout(200);
    }
    if (attempt >= 2) throw new Error(`the choice «${option}» did not take`);
  }
}
