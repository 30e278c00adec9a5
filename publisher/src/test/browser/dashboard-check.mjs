// Real-browser check of the dashboard (Debian's chromium driven by playwright-core), run by DashboardBrowserIT.
//   node dashboard-check.mjs --url URL --screenshot-dir DIR --expect-badge STATE
// Phase 1 checks the page, prints READY_FOR_RESTART and waits for RESTARTED on stdin (the test restarts the
// publisher meanwhile); phase 2 checks that the page reconnected and shows the snapshot again. Prints PASS, or
// FAIL: reason. Every other line starts with '# '.
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const url = args.url;
const shots = args['screenshot-dir'] || '.';
const expectBadge = args['expect-badge'] || 'SIMULATED';
const UNDERLYINGS = ['NIFTY', 'BANKNIFTY', 'SENSEX'];
const log = (m) => console.log('# ' + m);

const problems = [];
// Lines are queued as they come, so one written early is not lost. A closed stdin (the driving test died) ends the
// check rather than leaving chromium running.
const stdin = { lines: [], closed: false, wake: () => {} };
createInterface({ input: process.stdin })
  .on('line', (l) => { stdin.lines.push(l); stdin.wake(); })
  .on('close', () => { stdin.closed = true; stdin.wake(); });
async function nextLine() {
  while (!stdin.lines.length) {
    if (stdin.closed) throw new Error('stdin closed before RESTARTED');
    await new Promise((resolve) => { stdin.wake = resolve; });
  }
  return stdin.lines.shift();
}

function watch(page, name) {
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${name} console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${name} page error: ${e.message}`));
}

/** Each panel's shown price, by underlying. */
const prices = (page) => page.evaluate((us) => Object.fromEntries(us.map((u) =>
  [u, document.querySelector(`[data-underlying="${u}"] [data-price]`)?.dataset.price || ''])), UNDERLYINGS);

async function waitForPricesToMove(page, before, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const now = await prices(page);
    const moved = UNDERLYINGS.filter((u) => now[u] && now[u] !== before[u]);
    if (moved.length >= 2) return now;
    await page.waitForTimeout(500);
  }
  throw new Error(`prices did not move within ${timeoutMs / 1000} s: before ${JSON.stringify(before)}, now ${JSON.stringify(await prices(page))}`);
}

/** Like page.waitForFunction, but a timeout fails with what was awaited rather than Playwright's own words. */
async function waitFor(page, what, fn, arg, timeoutMs) {
  await page.waitForFunction(fn, arg, { timeout: timeoutMs }).catch(async (e) => {
    if (!/Timeout/.test(e.message)) throw e;
    throw new Error(`${what} not within ${timeoutMs / 1000} s (prices ${JSON.stringify(await prices(page))}, body `
      + `${JSON.stringify(await page.evaluate(() => ({ ...document.body.dataset })))})`);
  });
}

async function allPricesShown(page, timeoutMs) {
  await waitFor(page, 'a price in every panel', (us) => us.every((u) => {
    const e = document.querySelector(`[data-underlying="${u}"] [data-price]`);
    return e && e.dataset.price !== '';
  }), UNDERLYINGS, timeoutMs);
}

async function main() {
  if (!url) throw new Error('usage: node dashboard-check.mjs --url URL --screenshot-dir DIR --expect-badge STATE');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const desktop = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(desktop, 'desktop');
    await desktop.goto(url, { waitUntil: 'load' });
    // remember every time the socket closes, so phase 2 can tell the page noticed the restart
    await desktop.evaluate(() => {
      window.__closed = 0;
      new MutationObserver(() => {
        if (document.body.dataset.connection === 'closed') window.__closed += 1;
      }).observe(document.body, { attributes: true, attributeFilter: ['data-connection'] });
    });
    await waitFor(desktop, 'the first snapshot', () => Number(document.body.dataset.snapshots) >= 1, null, 30000);
    await allPricesShown(desktop, 30000);
    const before = await prices(desktop);
    log(`prices at first: ${JSON.stringify(before)}`);
    const moved = await waitForPricesToMove(desktop, before, 60000);
    log(`prices moved to: ${JSON.stringify(moved)}`);
    await desktop.waitForFunction((b) => document.getElementById('status-badge').dataset.state === b, expectBadge,
      { timeout: 15000 }).catch(async () => {
      throw new Error(`badge is ${await desktop.$eval('#status-badge', (e) => e.dataset.state)}, expected ${expectBadge}`);
    });
    const panels = await desktop.$$eval('[data-underlying]', (ps) => ps.map((p) => p.dataset.underlying));
    if (panels.join() !== UNDERLYINGS.join()) throw new Error(`panels ${panels}`);
    // each panel shows the 13 votes once its first 5m candle has closed
    await desktop.waitForFunction((us) => us.every((u) =>
      document.querySelectorAll(`[data-underlying="${u}"] .vote-cell`).length === 13), UNDERLYINGS, { timeout: 90000 })
      .catch(() => { throw new Error('the 13 votes did not show in every panel within 90 s'); });
    const verdicts = await desktop.$$eval('.verdict', (vs) => vs.map((v) => v.textContent));
    log(`verdicts: ${JSON.stringify(verdicts)}`);
    const ribbon = await desktop.$eval('#data-ribbon', (e) => (e.hidden ? '' : e.textContent));
    if (expectBadge !== 'LIVE' && !ribbon) throw new Error('non-live data without its ribbon');
    await desktop.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true });

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    watch(phone, 'phone');
    await phone.goto(url, { waitUntil: 'load' });
    await allPricesShown(phone, 30000);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 2) throw new Error(`the phone layout scrolls sideways by ${overflow} px`);
    await phone.screenshot({ path: path.join(shots, 'dashboard-phone.png') });
    await phone.close();
    if (problems.length) throw new Error(problems.join('; '));

    const snapshots = await desktop.evaluate(() => Number(document.body.dataset.snapshots));
    console.log('READY_FOR_RESTART');
    while ((await nextLine()).trim() !== 'RESTARTED') { /* the driver's other lines are not for us */ }
    await desktop.waitForFunction(() => window.__closed >= 1, null, { timeout: 30000 }).catch(() => {
      throw new Error('the page never noticed the publisher going away');
    });
    await waitFor(desktop, 'a new snapshot after the restart', (n) => Number(document.body.dataset.snapshots) > n
      && document.body.dataset.connection === 'open', snapshots, 60000);
    await allPricesShown(desktop, 30000);
    const after = await prices(desktop);
    await waitForPricesToMove(desktop, after, 60000);
    await desktop.screenshot({ path: path.join(shots, 'dashboard-after-restart.png'), fullPage: true });
    // the reconnect itself logs a failed WebSocket handshake while the publisher is down: that one is expected
    const unexpected = problems.filter((p) => !/WebSocket connection to .* failed/.test(p));
    if (unexpected.length) throw new Error(unexpected.join('; '));
    log(`reconnected after ${await desktop.evaluate(() => window.__closed)} close(s)`);
    console.log('PASS');
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(0), (e) => {
  console.log('FAIL: ' + (e && e.message ? e.message.split('\n')[0] : e));
  process.exit(1);
});
