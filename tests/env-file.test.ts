import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '@hub/hub';

/**
 * The scripts read `.env` from the directory they run in: `npm run token` here (cheap, and it reads the same
 * configuration as npm start). The file's DATA_DIR decides where the development issuer's key pair is written, unless
 * the real environment sets DATA_DIR, which wins.
 */
const dir = mkdtempSync(join(tmpdir(), 'hub-dotenv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function token(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    join(REPOSITORY_ROOT, 'node_modules', '.bin', 'tsx'),
    [join(REPOSITORY_ROOT, 'scripts', 'token.ts'), '--org', '65b61079-f631-51f8-909c-3f6a00f2b956', '--role', 'TOEGANG', '--org-type', 'GEMEENTE'],
    {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('.env in the working directory', () => {
  writeFileSync(join(dir, '.env'), `# as copied from .env.example\nDATA_DIR=${join(dir, 'from-dotenv')}\n`);

  it('configures npm run token: the key pair lands in the DATA_DIR of .env', async () => {
    const result = await token({});
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\s*$/);
    expect(existsSync(join(dir, 'from-dotenv', 'keys', 'dev-issuer.public.pem'))).toBe(true);
  });

  it('loses to the real environment: DATA_DIR set by the caller wins over the file', async () => {
    const result = await token({ DATA_DIR: join(dir, 'from-environment') });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(dir, 'from-environment', 'keys', 'dev-issuer.public.pem'))).toBe(true);
  });
});
