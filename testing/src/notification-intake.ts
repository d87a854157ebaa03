import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notificationEventsContract, type ParsedNotificationEvent } from '@hub/contracts';
import { INTERNAL_SECRET_HEADER } from '@hub/service-kit';

/**
 * A stand-in for the notifications subgraph's intake (`/internal/notification-events`): a real HTTP server that takes
 * only requests with the internal secret and a body the contract's zod schema accepts, and is idempotent on eventId
 * as the real one is. Tests point a producer's relay at it (`peerUrls.notifications = intake.url`) and read what
 * arrived; `failures` makes the next requests answer 503 (a notifications subgraph that is down).
 */
export interface TestNotificationIntake {
  /** The origin to use as the notifications peer URL. */
  url: string;
  /** Every distinct event accepted, in arrival order. */
  events: ParsedNotificationEvent[];
  /** Every request received: whether it was accepted, and how many events it carried. */
  requests: { accepted: boolean; status: number; events: number }[];
  /** How many of the next requests answer 503. */
  failures: number;
  stop(): Promise<void>;
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startNotificationIntake(secret: string): Promise<TestNotificationIntake> {
  const seen = new Set<string>();
  const intake: TestNotificationIntake = { url: '', events: [], requests: [], failures: 0, stop: async () => undefined };
  const server = createServer((req, res) => {
    void (async () => {
      const text = await readText(req);
      const answer = (status: number, body: unknown, events = 0) => {
        intake.requests.push({ accepted: status === 200, status, events });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== notificationEventsContract.path) return answer(404, { error: 'not found' });
      if (req.headers[INTERNAL_SECRET_HEADER] !== secret) return answer(401, { error: 'unauthorized' });
      if (intake.failures > 0) {
        intake.failures--;
        return answer(503, { error: 'unavailable' });
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return answer(400, { error: 'not JSON' });
      }
      const parsed = notificationEventsContract.request.safeParse(raw);
      if (!parsed.success) return answer(400, { error: 'outside the contract', issues: parsed.error.issues.map((i) => i.path.join('.')) });
      let duplicates = 0;
      for (const event of parsed.data.events) {
        if (seen.has(event.eventId)) duplicates++;
        else {
          seen.add(event.eventId);
          intake.events.push(event);
        }
      }
      return answer(200, { accepted: parsed.data.events.length - duplicates, duplicates }, parsed.data.events.length);
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  intake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  intake.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return intake;
}
