import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SUBGRAPH_NAMES, SUBGRAPHS, subgraphEnvKey } from '@hub/config';
import { ensureConsoleBuild } from '@hub/console/build';
import { demoIds } from '@hub/domain';
import { signToken } from '@hub/identity';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { assertPortsFree, type ServiceProcess, startService, waitForReady } from '../../bench/src/processes.ts';
import { BENCH_TMP, benchEnvironment, loadBenchIssuer } from '../../bench/src/secrets.ts';

/**
 * npm run bench:browser: the console's two busiest pages, measured in Chromium on a benchmark data set (default the
 * national one). Starts the hub in production mode as separate processes, as `npm run bench` does (without the
 * response cache unless --cache), opens the console on the gateway's origin and signs in as a toegangsteam
 * professional and a cliëntondersteuner of gemeente Amsterdam (GM0363), then repeats:
 *   (a) search: a text in the sociale kaart search, for a gemeente, submitted → the results list on screen;
 *   (b) client view: a sample client's page opened → the client with its trajectories on screen.
 * Both clocks run in the page (performance.now()); the GraphQL request of each is timed from the browser's own
 * resource timing. Writes bench/results/browser.md and .json, and one screenshot of each page to bench/.tmp/browser/.
 *
 * The hub in production mode offers no development sign-in, and its OpenID Connect sign-in needs a provider; the
 * console is signed in through its development sign-in page instead, whose three requests (/console-config.json,
 * /dev/identities, /dev/sign-in) the browser answers itself with tokens of the benchmark's issuer, which the hub trusts.
 * Nothing of the hub or the console is changed for it.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');
const SHOTS = join(BENCH_TMP, 'browser');

const { values: args } = parseArgs({
  options: {
    repeat: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '2' },
    manifest: { type: 'string' },
    label: { type: 'string', default: 'browser' },
    cache: { type: 'boolean', default: false },
    'port-offset': { type: 'string', default: '0' },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench:browser [-- options]
  --repeat N      measured repetitions of each page (default 20), after --warmup N unmeasured ones (default 2)
  --manifest FILE the data set's manifest (default bench/.tmp/dataset.json): names the sample clients
  --label NAME    results file name under bench/results (default browser)
  --cache         our gateway with its response cache on (DIRECTORY_CACHE_SECONDS=30); default off, so every search
                  reaches the sociale kaart
  --port-offset N added to every port (default 0: gateway 4130, subgraphs their default port + 200)
Needs DATABASE_URL (a database npm run bench:data filled, e.g. postgres://postgres@127.0.0.1:5432/hub_bench) and
Chromium (CHROMIUM_PATH, default /usr/bin/chromium).`);
  process.exit(0);
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL must name the benchmark database (filled by `npm run bench:data`), e.g. postgres://postgres@127.0.0.1:5432/hub_bench');
  process.exit(2);
}
const manifestPath = resolve(args.manifest ?? join(BENCH_TMP, 'dataset.json'));
if (!existsSync(manifestPath)) {
  console.error(`No dataset manifest at ${manifestPath}: run \`npm run bench:data\` first or name one with --manifest.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
  scale: string;
  counts: Record<string, number>;
  samples: { clientView: { organizationId: string; gemeenteCode: string; clientIds: string[] } };
};
const repeat = Number(args.repeat);
const warmup = Number(args.warmup);
const CONSOLE_DIST = join(ROOT, 'console', 'dist');

const portOffset = Number(args['port-offset']);
const PORTS = {
  gateway: 4130 + portOffset,
  // Each subgraph on its default port + 200: beside `npm start` (+0) and `npm run bench` (+100).
  subgraphs: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.defaultPort + 200 + portOffset])) as Record<string, number>,
};

/** Gemeenten of different sizes and words a toegangsteam types; pairs do not repeat within 60 searches. */
const SEARCH_GEMEENTEN = ['GM0363', 'GM0599', 'GM0518', 'GM0344', 'GM0153', 'GM0202', 'GM0014', 'GM0034', 'GM0772', 'GM0855', 'GM0080', 'GM0164'];
const SEARCH_TEXTS = ['schulden', 'mantelzorg', 'dagbesteding', 'wonen met zorg', 'eenzaam'];

/** The two people signed in, as the console's development sign-in page lists them (answered by the browser here). */
const GEMEENTE = 'GM0363';
const IDENTITIES = [
  { subject: 'bench-toegang', name: 'Toegang Benchmark', roles: ['TOEGANG'], label: 'toegangsteam Amsterdam (benchmark)' },
  { subject: 'bench-co', name: 'Ondersteuner Benchmark', roles: ['CLIENTONDERSTEUNER'], label: 'cliëntondersteuner gemeente Amsterdam (benchmark)' },
] as const;

interface Sample {
  /** From the user's action (submit, opening the page) to the first animation frame with the answer on screen. */
  screenMs: number;
  /** The GraphQL request as the browser timed it: request start to the last byte of the answer. */
  requestMs: number;
  /** Of that, waiting for the first byte (the hub's time plus one local round trip). */
  waitMs: number;
  /** Results found (search) or trajectory cards shown (client view). */
  shown: number;
}

interface Measurement {
  title: string;
  operation: string;
  samples: Sample[];
  warmup: Sample[];
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
const round = (n: number) => Math.round(n * 10) / 10;

async function startHub(logDir: string): Promise<{ origin: string; services: ServiceProcess[] }> {
  const base = await benchEnvironment(databaseUrl as string);
  const env: Record<string, string> = {
    ...base,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    GATEWAY_PORT: String(PORTS.gateway),
    CONSOLE_DIR: CONSOLE_DIST,
    DIRECTORY_CACHE_SECONDS: args.cache ? '30' : '0',
    // As in npm run bench: one user far beyond a person's pace is not what the rate limit is for.
    RATE_LIMIT_PER_SECOND: '1000000',
    RATE_LIMIT_BURST: '10000000',
    REFERRAL_RELAY_INTERVAL_MS: '0',
  };
  for (const name of SUBGRAPH_NAMES) {
    const key = subgraphEnvKey(name);
    env[`${key}_PORT`] = String(PORTS.subgraphs[name] ?? 0);
    env[`${key}_URL`] = `http://127.0.0.1:${PORTS.subgraphs[name]}/graphql`;
  }
  // A port held by another process would have its readiness check answered by that process.
  await assertPortsFree([PORTS.gateway, ...Object.values(PORTS.subgraphs)]);
  const services: ServiceProcess[] = [];
  try {
    for (const name of SUBGRAPH_NAMES) services.push(startService(name, join(ROOT, 'subgraphs', name, 'src', 'index.ts'), env, logDir));
    for (const s of services) await waitForReady(s, `http://127.0.0.1:${PORTS.subgraphs[s.name]}/ready`, 180_000);
    const gateway = startService('gateway', join(ROOT, 'gateway', 'src', 'index.ts'), env, logDir);
    services.push(gateway);
    await waitForReady(gateway, `http://127.0.0.1:${PORTS.gateway}/ready`, 180_000);
  } catch (error) {
    await Promise.all(services.map((s) => s.stop()));
    throw error;
  }
  return { origin: `http://127.0.0.1:${PORTS.gateway}`, services };
}

/**
 * Answers the console's development sign-in in the browser: the configuration says "development", the identities
 * are the two above, and signing in returns a token of the benchmark's issuer for the chosen one.
 */
async function routeSignIn(context: BrowserContext): Promise<void> {
  const issuer = await loadBenchIssuer();
  const organizationId = manifest.samples.clientView.organizationId || demoIds.gemeenteOrganization(GEMEENTE);
  const tokens = new Map<string, string>();
  for (const identity of IDENTITIES) {
    tokens.set(
      identity.subject,
      await signToken(issuer, {
        subject: identity.subject,
        name: identity.name,
        organizationId,
        organizationType: 'GEMEENTE',
        roles: [...identity.roles],
        gemeenteCode: GEMEENTE,
        expiresIn: '2h',
      }),
    );
  }
  const expiresAt = new Date(Date.now() + 2 * 3_600_000).toISOString();
  await context.route('**/console-config.json', (route) => route.fulfill({ json: { auth: { mode: 'development' } } }));
  await context.route('**/dev/identities', (route) =>
    route.fulfill({
      json: {
        identities: IDENTITIES.map((i) => ({
          subject: i.subject,
          label: i.label,
          name: i.name,
          organizationId,
          organizationType: 'GEMEENTE',
          roles: [...i.roles],
          gemeenteCode: GEMEENTE,
          zorgkantoorregio: null,
        })),
      },
    }),
  );
  await context.route('**/dev/sign-in', (route) => {
    const subject = (route.request().postDataJSON() as { subject?: string } | null)?.subject ?? '';
    const token = tokens.get(subject);
    return token ? route.fulfill({ json: { token, expiresAt } }) : route.fulfill({ status: 400, json: { error: 'unknown subject' } });
  });
}

async function signIn(page: Page, origin: string, name: string): Promise<void> {
  await page.goto(`${origin}/inloggen`);
  await page.getByRole('button', { name: `Inloggen als ${name}` }).click();
  await page.locator('.hub-session__name', { hasText: name }).waitFor({ timeout: 30_000 });
}

const isOperation = (response: Response, operation: string) => {
  if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return false;
  try {
    return (response.request().postDataJSON() as { operationName?: string } | null)?.operationName === operation;
  } catch {
    return false;
  }
};

/** The next answer to `operation`; a failure before it is awaited is not left unhandled (the step's own error is reported). */
function answerOf(page: Page, operation: string): Promise<Response> {
  const answer = page.waitForResponse((r) => isOperation(r, operation), { timeout: 60_000 });
  answer.catch(() => undefined);
  return answer;
}

/** The browser's timing of a finished request: to its last byte, and to its first. */
async function requestTiming(response: Response): Promise<{ requestMs: number; waitMs: number }> {
  await response.finished();
  const t = response.request().timing();
  return { requestMs: round(t.responseEnd), waitMs: round(t.responseStart - t.requestStart) };
}

// The functions below run in the page. They are plain JavaScript text: this file is type-checked without the DOM.

/** Marks of the search: the form's submit, the results section turning busy, and back, and the frame after. */
const INSTRUMENT_SEARCH = `(() => {
  if (window.__bench) return;
  const b = (window.__bench = { submitAt: 0, busyAt: 0, doneAt: 0, paintedAt: 0 });
  document.addEventListener('submit', () => { b.submitAt = performance.now(); b.busyAt = 0; b.doneAt = 0; b.paintedAt = 0; }, true);
  new MutationObserver((records) => {
    for (const r of records) {
      if (!(r.target instanceof Element) || !r.target.classList.contains('hub-results')) continue;
      const now = performance.now();
      if (r.target.getAttribute('aria-busy') === 'true') { if (b.submitAt && !b.busyAt) b.busyAt = now; }
      else if (b.busyAt && !b.doneAt) { b.doneAt = now; requestAnimationFrame(() => { b.paintedAt = performance.now(); }); }
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
})()`;

/**
 * Puts the words in the search box as one input event, and submits the form once React has taken them (a task
 * later, well within the 150 ms typing pause, so the submit and not the pause starts the search).
 */
const typeAndSubmit = (text: string) => `new Promise((done) => {
  const input = document.getElementById('search-text');
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(text)});
  input.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(() => { input.form.requestSubmit(); done(true); }, 0);
})`;

/**
 * Resolves with the value of `condition` (an expression) in the first animation frame where it is truthy. Polled in
 * the page itself: Playwright's waitForFunction evaluates a text with eval(), which the console's CSP refuses.
 */
const untilInPage = (condition: string, timeoutMs = 60_000) => `new Promise((resolve, reject) => {
  const until = performance.now() + ${timeoutMs};
  const check = () => {
    const value = (${condition});
    if (value) resolve(value);
    else if (performance.now() > until) reject(new Error('not on screen within ${timeoutMs} ms'));
    else requestAnimationFrame(check);
  };
  check();
})`;

/** A console link followed: the router's own pushState and popstate, returning the moment of the click. */
const navigateTo = (path: string) => `(() => {
  const t = performance.now();
  history.pushState(null, '', ${JSON.stringify(path)});
  dispatchEvent(new PopStateEvent('popstate'));
  return t;
})()`;

/** The client page with its trajectories on screen: the moment of that animation frame, or false. */
const CLIENT_SHOWN = `(() => {
  const section = document.querySelector('section[aria-labelledby="trajectories"]');
  if (!section || !document.getElementById('consents')) return false;
  const cards = section.querySelectorAll('.hub-card').length;
  return cards > 0 || section.textContent.includes('Er zijn geen trajecten') ? { at: performance.now(), cards } : false;
})()`;

async function measureSearch(page: Page, origin: string): Promise<Measurement> {
  await signIn(page, origin, IDENTITIES[0].name);
  // Signing in leads to the sociale kaart, which searches the user's own gemeente at once.
  await page.locator('.hub-results[aria-busy="false"] #results-heading', { hasText: 'gevonden' }).waitFor({ timeout: 60_000 });
  await page.evaluate(INSTRUMENT_SEARCH);
  let gemeente = GEMEENTE;
  const measurement: Measurement = {
    title: 'Search: words for a gemeente submitted → results on screen',
    operation: 'SearchServices',
    samples: [],
    warmup: [],
  };
  for (let i = 0; i < warmup + repeat; i++) {
    const want = SEARCH_GEMEENTEN[(i + 1) % SEARCH_GEMEENTEN.length] ?? GEMEENTE;
    const text = SEARCH_TEXTS[i % SEARCH_TEXTS.length] ?? 'schulden';
    if (want !== gemeente) {
      // Choosing the gemeente searches too (unmeasured): wait for its answer and the list.
      const answered = answerOf(page, 'SearchServices');
      await page.selectOption('#search-gemeente', want);
      await answered;
      await page.locator('.hub-results[aria-busy="false"]').waitFor();
      gemeente = want;
    }
    const answered = answerOf(page, 'SearchServices');
    await page.evaluate(typeAndSubmit(text));
    await page.evaluate(untilInPage('window.__bench.paintedAt > 0'));
    const marks = (await page.evaluate('({ ...window.__bench })')) as { submitAt: number; busyAt: number; paintedAt: number };
    const timing = await requestTiming(await answered);
    const heading = (await page.locator('#results-heading').textContent()) ?? '';
    const found = Number(/^([\d.]+) dienst/.exec(heading)?.[1]?.replace(/\./g, '') ?? 0);
    const sample: Sample = { screenMs: round(marks.paintedAt - marks.submitAt), ...timing, shown: found };
    (i < warmup ? measurement.warmup : measurement.samples).push(sample);
    console.log(
      `search ${i < warmup ? 'warm-up' : String(i - warmup + 1).padStart(2)}  ${want} "${text}": ${sample.screenMs} ms on screen, request ${sample.requestMs} ms, ${found} found`,
    );
    if (i === warmup + repeat - 1) await page.screenshot({ path: join(SHOTS, 'search.png'), fullPage: true });
  }
  return measurement;
}

async function measureClientView(page: Page, origin: string): Promise<Measurement> {
  await signIn(page, origin, IDENTITIES[1].name);
  const clients = manifest.samples.clientView.clientIds;
  if (clients.length === 0) throw new Error('The manifest names no sample clients.');
  const measurement: Measurement = {
    title: "Client view: a client's page opened → client and trajectories on screen",
    operation: 'ClientAcrossDomains',
    samples: [],
    warmup: [],
  };
  for (let i = 0; i < warmup + repeat; i++) {
    // From the start page (no query of its own), as from a link elsewhere in the console.
    await page.evaluate(navigateTo('/'));
    await page.getByRole('heading', { level: 1, name: 'Cliëntondersteuning hub' }).waitFor();
    const id = clients[i % clients.length] ?? '';
    const answered = answerOf(page, 'ClientAcrossDomains');
    const startedAt = (await page.evaluate(navigateTo(`/clienten/${id}`))) as number;
    const shown = (await page.evaluate(untilInPage(CLIENT_SHOWN))) as { at: number; cards: number };
    const timing = await requestTiming(await answered);
    const sample: Sample = { screenMs: round(shown.at - startedAt), ...timing, shown: shown.cards };
    (i < warmup ? measurement.warmup : measurement.samples).push(sample);
    console.log(
      `client ${i < warmup ? 'warm-up' : String(i - warmup + 1).padStart(2)}  ${sample.screenMs} ms on screen, request ${sample.requestMs} ms, ${shown.cards} trajectories`,
    );
    if (i === warmup + repeat - 1) await page.screenshot({ path: join(SHOTS, 'client.png'), fullPage: true });
  }
  return measurement;
}

function summary(values: number[]) {
  return { median: round(percentile(values, 50)), p95: round(percentile(values, 95)), min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

function render(measurements: Measurement[], startMs: number, load: { start: number; end: number }): string {
  const lines: string[] = [];
  lines.push(`# The console in the browser: ${manifest.scale} data set`, '');
  lines.push(
    `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model} · ${Math.round(totalmem() / 2 ** 30)} GB · Node ${process.version} · Chromium (headless, ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}) · ${repeat} measured repetitions after ${warmup} unmeasured · load average ${load.start} at the start, ${load.end} at the end`,
    '',
  );
  lines.push(
    `The hub in production mode as separate processes on ${new URL(databaseUrl as string).pathname.slice(1)} (hub start ${round(startMs / 1000)} s), response cache ${args.cache ? 'on (DIRECTORY_CACHE_SECONDS=30)' : 'off (DIRECTORY_CACHE_SECONDS=0), so every search reaches the sociale kaart'}; the built console from the gateway's origin, signed in as a toegangsteam professional (search) and a cliëntondersteuner (client view) of gemeente Amsterdam (GM0363).`,
    '',
  );
  lines.push('| page | measured | median ms | p95 ms | min ms | max ms |', '| --- | --- | ---: | ---: | ---: | ---: |');
  for (const m of measurements) {
    const rows: [string, number[]][] = [
      ['action → on screen', m.samples.map((s) => s.screenMs)],
      [`GraphQL request \`${m.operation}\` (network)`, m.samples.map((s) => s.requestMs)],
      ['of which waiting for the first byte', m.samples.map((s) => s.waitMs)],
    ];
    for (const [what, values] of rows) {
      const s = summary(values);
      lines.push(`| ${m.title} | ${what} | ${s.median} | ${s.p95} | ${s.min} | ${s.max} |`);
    }
  }
  lines.push('');
  for (const m of measurements) {
    lines.push(`${m.title}: each, on screen (request) in ms: ${m.samples.map((s) => `${s.screenMs} (${s.requestMs})`).join(', ')}.`, '');
    lines.push(`Warm-up (first after sign-in, loads the page's code): ${m.warmup.map((s) => `${s.screenMs} (${s.requestMs})`).join(', ') || '–'}.`, '');
  }
  lines.push(
    'Search: the words go into the search box as one input event and the form is submitted (as Enter does); the clock runs from the submit to the first animation frame after the results section stops being busy. Each search is a new pair of gemeente and words (12 gemeenten from Amsterdam to Hengelo × 5 words); choosing the gemeente searches too and is not measured.',
    '',
    "Client view: from the start page, the console's router opens `/clienten/<id>` (as a link does) for the next of the data set's sample clients of GM0363; the clock runs to the first animation frame with the trajectories and the consents section on screen. The console's client page shows the client, its trajectories and its consents; it does not show the client's referrals (those are on the warme-overdracht pages), so the referrals of the `client` journey of `npm run bench` are not part of this page.",
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const build = await ensureConsoleBuild();
  console.log(build.built ? `Console built (${round(build.ms / 1000)} s).` : 'Console build is up to date.');
  const logDir = join(BENCH_TMP, 'logs-browser');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const loadStart = round(loadavg()[0] ?? 0);
  const hubStarted = performance.now();
  console.log(`Starting the hub in production mode on ${new URL(databaseUrl as string).pathname.slice(1)} …`);
  const { origin, services } = await startHub(logDir);
  process.once('SIGINT', () => void Promise.all(services.map((s) => s.stop())).then(() => process.exit(130)));
  const startMs = performance.now() - hubStarted;
  const { context, profile } = await launchChromium('hub-bench-browser-');
  try {
    await routeSignIn(context);
    // Two tabs, each with its own session (the console keeps it in memory).
    const searchPage = context.pages()[0] ?? (await context.newPage());
    const search = await measureSearch(searchPage, origin);
    const clientPage = await context.newPage();
    const client = await measureClientView(clientPage, origin);
    const measurements = [search, client];
    const load = { start: loadStart, end: round(loadavg()[0] ?? 0) };
    const report = render(measurements, startMs, load);
    writeFileSync(join(RESULTS, `${args.label}.md`), report);
    writeFileSync(
      join(RESULTS, `${args.label}.json`),
      `${JSON.stringify(
        {
          label: args.label,
          date: new Date().toISOString(),
          machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
          dataset: { scale: manifest.scale, database: new URL(databaseUrl as string).pathname.slice(1) },
          options: { repeat, warmup, responseCache: args.cache },
          hubStartMs: round(startMs),
          loadAverage: load,
          measurements: measurements.map((m) => ({
            title: m.title,
            operation: m.operation,
            screenMs: summary(m.samples.map((s) => s.screenMs)),
            requestMs: summary(m.samples.map((s) => s.requestMs)),
            waitMs: summary(m.samples.map((s) => s.waitMs)),
            samples: m.samples,
            warmup: m.warmup,
          })),
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\n${report}\nWritten to bench/results/${args.label}.md and .json; screenshots in ${relative(ROOT, SHOTS)}/.`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await Promise.all(services.map((s) => s.stop()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
