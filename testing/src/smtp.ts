import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the test SMTP server received it. */
export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  /** Header fields by lower-case name (the last one wins), decoded. */
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  /** The decoded text body of a single-part message. */
  text: string;
  raw: string;
}

/**
 * How the server answers: ACCEPT every message; REFUSE every message with 451 (a temporary failure, to be retried);
 * CLOSE the connection at once (as a server going down would).
 */
export type SmtpMode = 'ACCEPT' | 'REFUSE' | 'CLOSE';

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>: the SMTP_URL for the hub under test. */
  url: string;
  port: number;
  /** Every message accepted so far, in order. */
  messages: ReceivedMail[];
  setMode(mode: SmtpMode): void;
  /** Milliseconds to wait before answering each message's data (a slow server); 0 answers at once. */
  setDelay(ms: number): void;
  /** Addresses refused with 451 at RCPT TO while every other one is accepted (a mailbox that is unreachable for now). */
  refuseAddress(address: string, refused?: boolean): void;
  /** Messages to one address. */
  messagesTo(address: string): ReceivedMail[];
  close(): Promise<void>;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i] ?? '';
    const hex = soft.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=), as in a Subject with accents. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_all, encoding: string, data: string) =>
    encoding.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { to, headers, subject: headers.subject ?? '', messageId: headers['message-id'] ?? '', text: text.replace(/\r\n/g, '\n'), raw };
}

/**
 * A real SMTP server for tests (the smtp-server package) on a free local port: it receives what the hub sends over
 * SMTP, keeps every message, and can be made to refuse (451) or drop connections, then to accept again.
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  let mode: SmtpMode = 'ACCEPT';
  let delayMs = 0;
  const refused = new Set<string>();
  const messages: ReceivedMail[] = [];
  const temporary = (message: string) => Object.assign(new Error(message), { responseCode: 451 });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      if (mode === 'CLOSE') return callback(Object.assign(new Error('Service not available'), { responseCode: 421 }));
      callback();
    },
    onMailFrom(_address, _session, callback) {
      if (mode === 'REFUSE') return callback(temporary('Try again later'));
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) return callback(temporary('Mailbox unavailable for now'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
        if (delayMs > 0) setTimeout(() => callback(), delayMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    setMode: (next) => {
      mode = next;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    refuseAddress(address, yes = true) {
      if (yes) refused.add(address.toLowerCase());
      else refused.delete(address.toLowerCase());
    },
    messagesTo: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
