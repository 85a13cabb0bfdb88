// Drives the dashboard in headless Chromium for DashboardBrowserTests, step by step over stdin/stdout:
//   node dashboard-check.mjs <base-url> <username> <password> <screenshot.png>
// It signs in through the form and prints "live" once the table is loaded and the subscription is up.
// Then each stdin line "<orderId> <STATUS>" is awaited in the table and answered "seen <orderId> <STATUS> <row index>".
// When stdin closes it saves the screenshot and prints "errors <json>" (page errors and console errors seen).
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

const [baseUrl, username, password, screenshot] = process.argv.slice(2);
const timeout = 20_000;
const problems = [];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(timeout);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error'
    && problems.push(`console: ${message.text()} (${message.location().url})`));

  await page.goto(new URL('/dashboard', baseUrl).href);
  await page.fill('input[name="usernameOrEmail"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('#connection[data-state="live"]');
  await page.waitForFunction(() => document.querySelector('#order-count').textContent !== '');
  console.log('live');

  for await (const line of createInterface({ input: process.stdin })) {
    const [id, status] = line.trim().split(' ');
    await page.waitForFunction(
      ([id, status]) => [...document.querySelectorAll('#orders tr')]
        .some((row) => row.dataset.orderId === id && row.querySelector('[data-field="status"]').textContent === status),
      [id, status]);
    const index = await page.evaluate(
      (id) => [...document.querySelectorAll('#orders tr')].findIndex((row) => row.dataset.orderId === id), id);
    console.log(`seen ${id} ${status} ${index}`);
  }

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`errors ${JSON.stringify(problems)}`);
} finally {
  await browser.close();
}
