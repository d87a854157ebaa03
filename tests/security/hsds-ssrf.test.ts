import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { proxyPublicGet, readRequestMeta, sendError, HttpError } from '@hub/service-kit';
import { startTestHub, type TestHub } from '@hub/testing';

/**
 * The gateway passes /hsds/* through to the sociale kaart. A request target that is not origin-form (a scheme-relative
 * `//host:port/…` or an absolute-form `http://host:port/…`) must never make it fetch another host: it is refused with
 * 400 before anything is fetched. A real local HTTP server stands in for "another host" and must receive nothing.
 */

/** Sends the exact bytes of one HTTP/1.1 request and resolves with the whole answer as text. */
function rawRequest(port: number, requestLine: string, headers: string[] = [], body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.write(`${requestLine}\r\nHost: 127.0.0.1:${port}\r\n${headers.map((h) => `${h}\r\n`).join('')}Connection: close\r\n\r\n${body}`);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const bodyOf = (answer: string) => answer.slice(answer.indexOf('\r\n\r\n') + 4);

let hub: TestHub;
let gatewayPort: number;
let other: Server;
let otherPort: number;
const otherHits: string[] = [];

beforeAll(async () => {
  hub = await startTestHub({ production: true });
  gatewayPort = Number(new URL(hub.gatewayUrl).port);
  other = createServer((req, res) => {
    otherHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"secret":"internal-host-answer"}');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherPort = (other.address() as AddressInfo).port;
});
beforeEach(() => {
  otherHits.length = 0;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()));
  await hub?.stop();
});

describe('HSDS pass-through request targets', () => {
  it('still serves the feed for an origin-form target', async () => {
    const answer = await rawRequest(gatewayPort, 'GET /hsds/ HTTP/1.1');
    expect(statusOf(answer)).toBe(200);
    expect(bodyOf(answer)).toContain('"version"');
  });

  it.each([
    ['scheme-relative', (p: number) => `GET //127.0.0.1:${p}/hsds/services HTTP/1.1`],
    ['scheme-relative to the bare prefix', (p: number) => `GET //127.0.0.1:${p}/hsds HTTP/1.1`],
    ['absolute-form (http)', (p: number) => `GET http://127.0.0.1:${p}/hsds/services HTTP/1.1`],
    ['absolute-form (https)', (p: number) => `GET https://127.0.0.1:${p}/hsds/services HTTP/1.1`],
    ['absolute-form (HEAD)', (p: number) => `HEAD http://127.0.0.1:${p}/hsds/x HTTP/1.1`],
    ['a backslash after the first slash (URL parsers read it as a slash)', (p: number) => `GET /\\127.0.0.1:${p}/hsds/services HTTP/1.1`],
  ])('refuses a target that is %s with 400 and fetches nothing', async (_label, line) => {
    const answer = await rawRequest(gatewayPort, line(otherPort));
    expect(statusOf(answer)).toBe(400);
    expect(answer).not.toContain('internal-host-answer');
    // A HEAD answer has no body to read the code from.
    if (!line(otherPort).startsWith('HEAD')) expect(JSON.parse(bodyOf(answer))).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(otherHits).toEqual([]);
  });

  it('refuses an absolute-form target on /graphql too', async () => {
    const body = '{"query":"{ __typename }"}';
    const answer = await rawRequest(
      gatewayPort,
      `POST http://127.0.0.1:${otherPort}/graphql HTTP/1.1`,
      ['Content-Type: application/json', `Content-Length: ${body.length}`],
      body,
    );
    expect(statusOf(answer)).toBe(400);
    expect(answer).not.toContain('__typename');
    expect(otherHits).toEqual([]);
  });

  it('the proxy itself refuses a target whose origin is not the configured one', async () => {
    // A server that hands every request to the proxy, without the gateway's own check in front of it: the second line.
    const socialeKaartOrigin = new URL(hub.subgraphUrls['sociale-kaart'] ?? '').origin;
    const bare = createServer((req: IncomingMessage, res: ServerResponse) => {
      proxyPublicGet(req, res, socialeKaartOrigin, readRequestMeta(req), { timeoutMs: 2000 }).catch((error: unknown) => {
        sendError(res, error instanceof HttpError ? error : new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.'));
      });
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    try {
      const port = (bare.address() as AddressInfo).port;
      for (const line of [`GET //127.0.0.1:${otherPort}/hsds/services HTTP/1.1`, `GET http://127.0.0.1:${otherPort}/hsds/services HTTP/1.1`]) {
        const answer = await rawRequest(port, line);
        expect(statusOf(answer)).toBe(400);
        expect(answer).not.toContain('internal-host-answer');
      }
      expect(statusOf(await rawRequest(port, 'GET /hsds/ HTTP/1.1'))).toBe(200);
    } finally {
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
    expect(otherHits).toEqual([]);
  });
});
