import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startTestHub, type TestHub } from '@hub/testing';
import { postcodeArea } from '../src/db/schema.ts';
import { importPostcodeCsv, parsePostcodeCsv, PostcodeImportError } from '../src/postcodes.ts';

/**
 * Distance from a postcode: the PC4 importer (checks, all or nothing, replace), `NearInput.postcode` and
 * `postcodeSearchAvailable` through the gateway, and the `npm run postcodes:import` CLI. The fixture's coordinates
 * are approximate test values (test/fixtures/README.md).
 */

const FIXTURE = fileURLToPath(new URL('./fixtures/pc4-sample.csv', import.meta.url));
const fixture = () => readFileSync(FIXTURE, 'utf8');

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ seedDemo: true, demoScale: 0.1, captureLogs: true });
});
afterAll(async () => {
  await hub?.stop();
});

const rows = async () => (await hub.database.db.select().from(postcodeArea)).sort((a, b) => a.postcode.localeCompare(b.postcode));

const refusal = (text: string): string => {
  try {
    parsePostcodeCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PostcodeImportError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('the PC4 file', () => {
  it('reads the fixture: BOM, `;`, CRLF, with and without a gemeentecode', () => {
    const areas = parsePostcodeCsv(fixture());
    expect(areas).toHaveLength(6);
    expect(areas[0]).toEqual({ postcode: '1012', latitude: 52.3731, longitude: 4.8926, gemeenteCode: 'GM0363' });
    expect(areas.at(-1)).toEqual({ postcode: '7511', latitude: 52.22, longitude: 6.894, gemeenteCode: null });
  });

  it('reads `,` separated files without the gemeentecode column and skips empty lines', () => {
    expect(parsePostcodeCsv('postcode,latitude,longitude\n\n3511,52.09,5.12\n1000,52.37,4.9\n\n')).toEqual([
      { postcode: '3511', latitude: 52.09, longitude: 5.12, gemeenteCode: null },
      { postcode: '1000', latitude: 52.37, longitude: 4.9, gemeenteCode: null },
    ]);
  });

  it('refuses a bad row with its line number', () => {
    const head = 'postcode;latitude;longitude;gemeentecode\n3511;52.09;5.12;GM0344\n';
    expect(refusal(`${head}0999;52.09;5.12;\n`)).toMatch(/^Line 3: the postcode must be 4 digits, 1000 to 9999/);
    expect(refusal(`${head}351;52.09;5.12;\n`)).toMatch(/^Line 3: the postcode/);
    expect(refusal(`${head}3512 AB;52.09;5.12;\n`)).toMatch(/^Line 3: the postcode/);
    expect(refusal(`${head}\n3512;5.12;52.09;\n`)).toMatch(/^Line 4: the coordinates lie outside the Netherlands/);
    expect(refusal(`${head}3512;136000;455000;\n`)).toMatch(/^Line 3: the coordinates lie outside/);
    expect(refusal(`${head}3512;52.09;5.12;GM0344;x\n`)).toMatch(/^Line 3: expected 4 values/);
    expect(refusal(`${head}3512;52,09;5.12;\n`)).toMatch(/^Line 3: latitude and longitude must be decimal numbers/);
    expect(refusal(`${head}3512;52.09;abc;\n`)).toMatch(/^Line 3: latitude and longitude must be decimal numbers/);
    expect(refusal(`${head}3512;52.09;5.12;0344\n`)).toMatch(/^Line 3: the gemeentecode must be GM/);
    expect(refusal(`${head}3511;52.09;5.12;\n`)).toMatch(/^Line 3: this postcode was already given/);
    expect(refusal('pc4;lat;lon\n3511;52.09;5.12\n')).toMatch(/^Line 1: the header must be/);
    expect(refusal('postcode;latitude;longitude\n')).toMatch(/no postcode rows/);
    expect(refusal('\uFEFF')).toMatch(/empty/);
  });
});

describe('the postcode_area table', () => {
  it('is replaced as a whole, idempotently, and a bad file changes nothing', async () => {
    const first = await importPostcodeCsv(hub.database.db, fixture());
    expect(first).toMatchObject({ imported: 6, withGemeenteCode: 5, bounds: { minLatitude: 51.845, maxLatitude: 53.219 } });
    const after = await rows();
    const again = await importPostcodeCsv(hub.database.db, fixture());
    expect(again).toMatchObject({ imported: 6, replaced: 6 });
    expect(await rows()).toEqual(after);

    // The bad row is the last one: nothing of the rows before it is written.
    await expect(importPostcodeCsv(hub.database.db, 'postcode;latitude;longitude\n1234;52.1;5.1\n2345;99;5.1\n')).rejects.toThrow(/^Line 3/);
    expect(await rows()).toEqual(after);

    const smaller = await importPostcodeCsv(hub.database.db, 'postcode;latitude;longitude\n3511;52.0928;5.1167\n');
    expect(smaller).toMatchObject({ imported: 1, replaced: 6 });
    expect((await rows()).map((r) => r.postcode)).toEqual(['3511']);
  });
});

interface SearchData {
  searchServices: { totalCount: number; edges: { distanceKm: number | null; node: { id: string } }[] };
}
const SEARCH = `query($filter: ServiceSearchFilter, $sort: ServiceSort) {
  searchServices(filter: $filter, sort: $sort, first: 30) { totalCount edges { distanceKm node { id } } }
}`;
const available = async () => dataOf<{ postcodeSearchAvailable: boolean }>(await hub.graphql('{ postcodeSearchAvailable }')).postcodeSearchAvailable;

describe('distance from a postcode', () => {
  it('is not available while no postcode areas are loaded, with a field code a client can translate', async () => {
    await hub.database.db.delete(postcodeArea);
    expect(await available()).toBe(false);
    const r = await hub.graphql(SEARCH, { filter: { near: { postcode: '3511 AB', maxDistanceKm: 10 } } });
    const error = r.body.errors?.[0];
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.near.postcode',
      fields: [{ path: 'filter.near.postcode', code: 'UNKNOWN_POSTCODE' }],
    });
    expect(error?.message).toMatch(/not available/);
    expect(JSON.stringify(r.body)).not.toContain('3511');
  });

  it('measures from the centroid of the PC4 area, as from its coordinates, sorted by distance', async () => {
    await importPostcodeCsv(hub.database.db, fixture());
    expect(await available()).toBe(true);
    const byPoint = dataOf<SearchData>(
      await hub.graphql(SEARCH, { filter: { near: { latitude: 52.0928, longitude: 5.1167, maxDistanceKm: 15 } }, sort: 'DISTANCE' }),
    );
    expect(byPoint.searchServices.totalCount).toBeGreaterThan(0);
    for (const postcode of ['3511', '3511 AB', '3511ab', ' 3511 ']) {
      const byPostcode = dataOf<SearchData>(await hub.graphql(SEARCH, { filter: { near: { postcode, maxDistanceKm: 15 } }, sort: 'DISTANCE' }));
      expect(byPostcode).toEqual(byPoint);
    }
    const distances = byPoint.searchServices.edges.map((e) => e.distanceKm ?? Number.NaN);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(15);
  });

  it('refuses an unknown PC4, a malformed postcode and more than one origin, never repeating the postcode', async () => {
    const unknown = await hub.graphql(SEARCH, { filter: { near: { postcode: '9999 ZZ', maxDistanceKm: 10 } } });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'filter.near.postcode', code: 'UNKNOWN_POSTCODE' }],
    });
    expect(unknown.body.errors?.[0]?.message).toMatch(/No postcode area is known/);
    expect(JSON.stringify(unknown.body)).not.toContain('9999');

    for (const postcode of ['12345', '0123', 'AB 1234', '1234 A']) {
      const bad = await hub.graphql(SEARCH, { filter: { near: { postcode, maxDistanceKm: 10 } } });
      expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.near.postcode' });
      expect(JSON.stringify(bad.body)).not.toContain(postcode);
    }
    for (const near of [
      { postcode: '3511', gemeenteCode: 'GM0344', maxDistanceKm: 10 },
      { postcode: '3511', latitude: 52.1, longitude: 5.1, maxDistanceKm: 10 },
      { latitude: 52.1, maxDistanceKm: 10 },
      { maxDistanceKm: 10 },
    ]) {
      const bad = await hub.graphql(SEARCH, { filter: { near } });
      expect(bad.body.errors?.[0]?.extensions?.code, JSON.stringify(near)).toBe('BAD_USER_INPUT');
    }
    // The gemeente and the point still work on their own.
    expect(
      dataOf<SearchData>(await hub.graphql(SEARCH, { filter: { near: { gemeenteCode: 'GM0344', maxDistanceKm: 10 } } })).searchServices.totalCount,
    ).toBeGreaterThan(0);
  });

  it('never writes a postcode to the logs', async () => {
    await hub.graphql(SEARCH, { filter: { near: { postcode: '6511 KL', maxDistanceKm: 10 } }, sort: 'DISTANCE' });
    await hub.graphql(SEARCH, { filter: { near: { postcode: '8888 QQ', maxDistanceKm: 10 } } });
    expect(hub.logs.length).toBeGreaterThan(0);
    // Four digits turn up by chance in timings ("ms":57.488887) and in the random hex request and trace ids, so look at
    // what a postcode could be written as: every other string value of every line.
    const stringsOf = (value: unknown, key = ''): string[] => {
      if (typeof value === 'string') return key === 'reqId' || key === 'traceId' ? [] : [value];
      if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, k));
      return [];
    };
    const written = hub.logs.flatMap((line) => stringsOf(line));
    expect(written.length).toBeGreaterThan(0);
    for (const pc4 of ['6511', '8888']) expect(written.filter((value) => value.includes(pc4))).toEqual([]);
    expect(hub.logText()).not.toMatch(/6511 ?KL|8888 ?QQ/);
  });
});

describe('npm run postcodes:import', () => {
  it('loads a file with a report, refuses a bad file with the line number and keeps what was there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postcodes-import-'));
    try {
      const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
      // Always an embedded database in a temporary folder, whatever DATABASE_URL the test run has.
      const { DATABASE_URL: _server, ...env } = process.env;
      const run = (path: string) =>
        promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/postcodes-import.ts', path], {
          cwd: repositoryRoot,
          env: { ...env, DATA_DIR: join(dir, 'data'), PGLITE_IN_MEMORY: 'false', LOG_LEVEL: 'silent' },
        }).then(
          (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
          (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
        );
      const ok = await run(FIXTURE);
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ imported: 6, replaced: 0, withGemeenteCode: 5 });
      const again = await run(FIXTURE);
      expect(JSON.parse(again.stdout)).toMatchObject({ imported: 6, replaced: 6 });

      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'postcode;latitude;longitude\n1234;52.1;5.1\n2345;155000;463000\n');
      const refused = await run(bad);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Line 3: the coordinates lie outside the Netherlands');
      expect(refused.stdout).toBe('');
      const stillThere = await run(FIXTURE);
      expect(JSON.parse(stillThere.stdout)).toMatchObject({ imported: 6, replaced: 6 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
