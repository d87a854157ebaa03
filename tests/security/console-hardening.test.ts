import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * Attacks on the web console's side of the gateway, in production mode: the development sign-in must not exist
 * (no token for a demo identity, whatever the request looks like), and no request path reaches a file outside the
 * console folder.
 */

let hub: TestHub;
let root: string;
const SECRET = 'SECRET-OUTSIDE-THE-CONSOLE-FOLDER';

beforeAll(async () => {
  // <root>/secret.txt beside <root>/dist/ (the console), and a symbolic link inside dist pointing at it.
  root = mkdtempSync(join(tmpdir(), 'console-attack-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="nl"><body>console</body></html>');
  writeFileSync(join(dist, 'assets', 'index-Abc123.js'), 'export {};');
  writeFileSync(join(dist, '.env'), SECRET);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'dist-secret.txt'), SECRET);
  symlinkSync(join(root, 'secret.txt'), join(dist, 'assets', 'linked.txt'));
  hub = await startTestHub({ production: true, env: { CONSOLE_DIR: dist } });
});
afterAll(async () => {
  await hub?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** A raw HTTP request: the path goes out exactly as written (fetch would normalise dot segments first). */
function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(hub.gatewayUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers: { accept: 'text/html', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the development sign-in in production', () => {
  it('does not exist: no token for a demo identity, whatever the method or body', async () => {
    for (const subject of ['demo-toegang-amsterdam', 'demo-privacy-amsterdam']) {
      const res = await raw('POST', '/dev/sign-in', JSON.stringify({ subject }), { 'content-type': 'application/json' });
      expect(res.status).toBe(404);
      expect(res.body).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
    for (const path of ['/dev/sign-in', '/dev/identities', '/dev/sign-in/', '/DEV/SIGN-IN', '/dev//sign-in', '/dev/%73ign-in']) {
      const res = await raw('GET', path);
      // A browser navigation to an unknown path gets the console's own page (which says "not found"), nothing else.
      if (res.status === 200) expect(res.body, path).toBe('<!doctype html><html lang="nl"><body>console</body></html>');
      else expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('Sanne de Vries');
      expect(res.body, path).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
  });

  it('tells the console that no sign-in is offered', async () => {
    const res = await raw('GET', '/console-config.json');
    expect(JSON.parse(res.body)).toEqual({ auth: { mode: 'none' } });
  });
});

describe('the console files', () => {
  it('never serve a file outside the console folder, nor a hidden one inside it', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/..%00/secret.txt',
      '/assets/linked.txt',
      '/.env',
      '/%2eenv',
      '/assets/%2e%2e/.env',
      '/-secret.txt',
      '/../dist-secret.txt',
    ];
    for (const path of attempts) {
      const res = await raw('GET', path);
      expect(res.body, path).not.toContain(SECRET);
      if (res.status === 200) expect(res.body, path).toContain('console');
    }
  });

  it('serve the console in production with its security headers', async () => {
    const res = await fetch(hub.gatewayPath('/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
