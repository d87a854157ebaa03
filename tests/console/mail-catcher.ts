import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a free port for the browser tests: the hub sends its e-mails here over SMTP (no stubbed
 * transport), and the test reads them as they arrived.
 */
export interface CaughtMail {
  to: string[];
  /** The whole message as received (headers and body), transfer encodings undone where they hide text. */
  text: string;
}

export interface MailCatcher {
  /** e.g. smtp://127.0.0.1:41234, for SMTP_URL. */
  url: string;
  mails: CaughtMail[];
  /** Waits for a message to this address that `match` accepts, and returns it. */
  waitFor(to: string, match?: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  stop(): Promise<void>;
}

/** Quoted-printable soft line breaks and =XX escapes, so a long link reads as one piece. */
const decodeQuotedPrintable = (raw: string): string =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** Every base64 body part, decoded (a text part may come base64 encoded). */
function decodeBase64Parts(raw: string): string {
  const parts: string[] = [];
  for (const match of raw.matchAll(/Content-Transfer-Encoding:\s*base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi)) {
    parts.push(Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64').toString('utf8'));
  }
  return parts.join('\n');
}

export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          text: `${raw}\n${decodeQuotedPrintable(raw)}\n${decodeBase64Parts(raw)}`,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(to, match = () => true, timeoutMs = 90_000) {
      let found: CaughtMail | undefined;
      await expect
        .poll(
          () => {
            found = mails.find((m) => m.to.includes(to.toLowerCase()) && match(m));
            return found !== undefined;
          },
          { timeout: timeoutMs, interval: 250 },
        )
        .toBe(true);
      if (!found) throw new Error(`No e-mail to ${to} arrived.`);
      return found;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
