import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_CONTENT_SECURITY_POLICY } from '@hub/gateway';
import { type ConsoleBrowser, type ConsoleHub, HUB_START_TIMEOUT_MS, launchBrowser, startConsoleHub } from './browser.ts';

/**
 * GraphiQL for developers, as `npm start` serves it: built with the console, so the page and every script, style and
 * font come from the hub itself. It renders and runs an operation without a request to another host, under a
 * Content-Security-Policy that allows nothing from another host.
 */

let running: ConsoleHub;
let browser: ConsoleBrowser;

beforeAll(async () => {
  running = await startConsoleHub({ SEED_DEMO: 'false' });
  browser = await launchBrowser(running.origin, 'graphiql');
}, HUB_START_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

/** Every src and href of the page's tags. */
const referencesOf = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');

describe('GraphiQL from the hub itself (development)', () => {
  it('serves the page at /graphiql and at GET /graphql for a browser, with its assets from the hub', async () => {
    const page = await fetch(`${running.origin}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(GRAPHIQL_CONTENT_SECURITY_POLICY);
    const html = await page.text();
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/https?:\/\//);
    const references = referencesOf(html);
    const assets = references.filter((ref) => ref.startsWith('/assets/'));
    expect(assets.some((ref) => ref.endsWith('.js'))).toBe(true);
    expect(assets.some((ref) => ref.endsWith('.css'))).toBe(true);
    for (const ref of references) expect(ref, 'a reference to another host').toMatch(/^\/(?!\/)/);
    for (const ref of assets) expect((await fetch(`${running.origin}${ref}`)).status, ref).toBe(200);

    const viaGraphql = await fetch(`${running.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(viaGraphql.status).toBe(200);
    expect(await viaGraphql.text()).toBe(html);
    // An operation sent with GET still runs as one.
    const operation = await fetch(`${running.origin}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await operation.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('renders and runs { __typename } without any request to another host', async () => {
    const { page } = browser;
    await page.goto(`${running.origin}/graphiql`);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as (Element & { CodeMirror?: { setValue(value: string): void } }) | null;
      editor?.CodeMirror?.setValue('{ __typename }');
    });
    // GraphiQL takes the operation name from the editor after a debounce; sent earlier, it would still be the default's.
    await page.waitForTimeout(1_000);
    const answer = page.waitForResponse(
      (response) =>
        response.url() === `${running.origin}/graphql` &&
        response.request().method() === 'POST' &&
        response.request().postData()?.includes('__typename') === true,
    );
    await page.locator('.graphiql-execute-button').click();
    expect((await answer).status()).toBe(200);
    await expect.poll(() => page.locator('.graphiql-response').textContent(), { timeout: 10_000 }).toMatch(/"__typename":\s*"Query"/);
    await browser.screenshot('typename');
    browser.expectOnlyOwnOrigin();
    expect(browser.messages.filter((m) => /Content.Security.Policy|Refused to/i.test(m))).toEqual([]);
  });
});
