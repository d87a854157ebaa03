import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../src/env-file.ts';

/** `.env` for npm start and the scripts: the file fills in, the real environment wins, a missing file is fine. */
describe('loadEnvFile', () => {
  const dirs: string[] = [];
  const dirWith = (text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-env-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.env'), text);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('sets the variables of the file that the environment does not have', () => {
    const dir = dirWith('# a comment\nGATEWAY_PORT=4100\nLOG_LEVEL="debug"\nEMPTY=\nMAIL_FROM=Hub <noreply@hub.example> # trailing comment\n');
    const env: NodeJS.ProcessEnv = {};
    const result = loadEnvFile(join(dir, '.env'), env);
    expect(env).toEqual({ GATEWAY_PORT: '4100', LOG_LEVEL: 'debug', EMPTY: '', MAIL_FROM: 'Hub <noreply@hub.example>' });
    expect(result.path).toBe(join(dir, '.env'));
    expect([...result.applied].sort()).toEqual(['EMPTY', 'GATEWAY_PORT', 'LOG_LEVEL', 'MAIL_FROM']);
    expect(result.overridden).toEqual([]);
  });

  it('keeps a value the real environment already has, even an empty one', () => {
    const dir = dirWith('GATEWAY_PORT=4100\nLOG_LEVEL=debug\nSMTP_URL=smtp://mail.example:25\n');
    const env: NodeJS.ProcessEnv = { GATEWAY_PORT: '4000', SMTP_URL: '' };
    const result = loadEnvFile(join(dir, '.env'), env);
    expect(env).toEqual({ GATEWAY_PORT: '4000', LOG_LEVEL: 'debug', SMTP_URL: '' });
    expect(result.applied).toEqual(['LOG_LEVEL']);
    expect([...result.overridden].sort()).toEqual(['GATEWAY_PORT', 'SMTP_URL']);
  });

  it('changes nothing when the file does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-env-'));
    dirs.push(dir);
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'info' };
    expect(loadEnvFile(join(dir, '.env'), env)).toEqual({ path: undefined, applied: [], overridden: [] });
    expect(env).toEqual({ LOG_LEVEL: 'info' });
  });

  it('reads .env from the working directory by default', () => {
    const dir = dirWith('HUB_ENV_FILE_PROBE=from-cwd\n');
    const before = process.cwd();
    const env: NodeJS.ProcessEnv = {};
    try {
      process.chdir(dir);
      expect(loadEnvFile(undefined, env).path).toBe(join(dir, '.env'));
    } finally {
      process.chdir(before);
    }
    expect(env.HUB_ENV_FILE_PROBE).toBe('from-cwd');
  });

  it('fails loudly on a path it cannot read (not silently running without the settings)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-env-'));
    dirs.push(dir);
    mkdirSync(join(dir, '.env'));
    expect(() => loadEnvFile(join(dir, '.env'), {})).toThrow(/EISDIR/);
  });
});
