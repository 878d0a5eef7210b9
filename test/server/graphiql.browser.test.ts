import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RealServer } from './real-server.ts';

// Debian's Chromium, installed by .ci/run; the flags keep it from calling home.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server: RealServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
  server = await startServer({ CLAIMGRAPH_ENV: 'development', CLAIMGRAPH_LOG_LEVEL: 'silent' });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('GraphiQL in a real browser', () => {
  it('loads with every asset from this server, runs the opening query and shows its answer', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      // Workers start from blob: URLs the page makes itself; anything else must come from here.
      if (!url.startsWith(server.base) && !url.startsWith('data:') && !url.startsWith(`blob:${server.base}`)) outside.push(url);
    });
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    // The opening query asks for the concept phone's unit cost; the answer pane shows the
    // claims with their evidence.
    const answer = page.locator('.graphiql-response');
    await expect.poll(() => answer.innerText(), { timeout: 30_000 }).toContain('"totalCount"');
    // The editor wraps long lines and uses non-breaking spaces: compare with spacing folded.
    const text = (await answer.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('"name": "Xiaomi 12S Ultra Concept"');
    expect(text).toContain('"quote": "According to Engadget,');
    await page.screenshot({ path: path.join(tmpdir(), 'claimgraph-graphiql.png') });
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  }, 60_000);

  it('serves only the files GraphiQL ships under /graphiql/', async () => {
    expect((await fetch(`${server.base}/graphiql/yoga-graphiql.umd.js`)).status).toBe(200);
    expect((await fetch(`${server.base}/graphiql/../package.json`)).status).toBe(404);
    expect((await fetch(`${server.base}/graphiql/%2e%2e/package.json`)).status).toBe(404);
  });
});
