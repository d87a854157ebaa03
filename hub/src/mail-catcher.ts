import { createServer } from 'node:net';

/** The local mail catcher of `npm start`: where the hub sends e-mail and where a developer reads it. */
export interface MailCatcher {
  smtpUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

/** The preferred port when it is free on this host, else any free one. */
async function freePort(host: string, preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(null));
      probe.listen(port, host, () => {
        const address = probe.address();
        const bound = typeof address === 'object' && address ? address.port : null;
        probe.close(() => resolve(bound));
      });
    });
  return (await tryPort(preferred)) ?? (await tryPort(0)) ?? preferred;
}

/**
 * Starts maildev (SMTP and a web page listing what it received) on local ports, 1025 and 1080 unless taken, for
 * development without SMTP_URL: e-mails of the demo then flow and can be read in a browser. Never in production, and
 * never in tests (they start a real SMTP server of their own). Loaded on demand: nothing else needs the package.
 * Undefined when maildev is not installed (production dependencies only): e-mails then wait for an SMTP_URL.
 */
export async function startMailCatcher(host = '127.0.0.1'): Promise<MailCatcher | undefined> {
  let MailDev: typeof import('maildev').MailDev;
  try {
    ({ MailDev } = await import('maildev'));
  } catch (error) {
    // maildev is a development dependency: an install with production dependencies only (the image) has none.
    if (error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  const smtp = await freePort(host, 1025);
  const web = await freePort(host, 1080);
  const catcher = new MailDev({ smtp, web, ip: host, webIp: host, silent: true });
  await catcher.start();
  return { smtpUrl: `smtp://${host}:${smtp}`, webUrl: `http://${host}:${web}/`, stop: () => catcher.stop() };
}
