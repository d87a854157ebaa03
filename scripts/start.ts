import { ensureConsoleBuild } from '@hub/console/build';
import { loadConfig, loadEnvFile } from '@hub/config';
import { DEMO_PRINCIPALS } from '@hub/domain';
import { startHub, startMailCatcher, type MailCatcher, type RunningHub } from '@hub/hub';
import { signToken } from '@hub/identity';

/**
 * npm start: the whole hub in one process. Without DATABASE_URL it runs on the embedded PGlite under
 * DATA_DIR (or in memory with PGLITE_IN_MEMORY=true); migrations, reference and demo data are applied
 * on every start (idempotent). Ctrl-C or SIGTERM stops the gateway, the subgraphs and the database.
 */
// Settings from .env (copied from .env.example); the real environment wins over the file.
const envFile = loadEnvFile();
const loaded = loadConfig();
let mailCatcher: MailCatcher | undefined;
let config = loaded;
async function start(): Promise<RunningHub> {
  try {
    // The web console is static files the gateway serves; built here when missing or older than its sources.
    const consoleBuild = await ensureConsoleBuild();
    if (consoleBuild.built) console.log(`Built the web console in ${(consoleBuild.ms / 1000).toFixed(1)} s.`);
    // Without a mail server configured, development gets a local one, so the demo's e-mails can be read.
    if (!loaded.notifications.smtpUrl && !loaded.production) {
      mailCatcher = await startMailCatcher();
      if (mailCatcher) config = { ...loaded, notifications: { ...loaded.notifications, smtpUrl: mailCatcher.smtpUrl } };
    }
    return await startHub({ config });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /EADDRINUSE/.test(message) ? ' (a port is taken: set GATEWAY_PORT / <SUBGRAPH>_PORT, see .env.example)' : '';
    console.error(`The hub could not start: ${message}${hint}`);
    process.exit(1);
  }
}
const running = await start();

const origin = new URL(running.gatewayUrl).origin;
const lines: string[] = [
  '',
  `Clientondersteuning hub (${config.env}, ${running.database.kind === 'pglite' ? `embedded PGlite${config.pgliteInMemory ? ' in memory' : ` in ${config.dataDir}/pglite`}` : 'PostgreSQL'})`,
];
lines.push(`  Console:  ${origin}/  (open in a browser${running.issuer && !config.production ? '; sign in as a demo identity' : ''})`);
lines.push(`  Gateway:  ${running.gatewayUrl}`);
if (!config.production) lines.push(`  GraphiQL: ${running.gatewayUrl.replace(/\/graphql$/, '/graphiql')}  (open in a browser; served by the hub itself)`);
lines.push(`  Health:   ${origin}/health   Ready: ${origin}/ready`);
if (envFile.path) lines.push(`  Settings: ${envFile.path} (${envFile.applied.length} applied, ${envFile.overridden.length} already set in the environment)`);
if (mailCatcher) lines.push(`  E-mail:   ${mailCatcher.webUrl}  (local mail catcher: the hub's e-mails land here; SMTP ${mailCatcher.smtpUrl})`);

if (running.issuer) {
  lines.push('', 'Example tokens (development issuer, valid 12 h; `npm run token -- --help` for others):');
  for (const principal of DEMO_PRINCIPALS) {
    const token = await signToken(running.issuer, principal);
    lines.push(`  ${principal.label} [${principal.roles.join(', ')}]`, `    ${token}`);
  }
  const first = DEMO_PRINCIPALS[0];
  if (first) {
    const query = JSON.stringify({
      query: '{ searchServices(filter: { gemeenteCode: "GM0363" }, first: 3) { totalCount edges { node { name } } } }',
    });
    lines.push(
      '',
      `Try it (as ${first.label}):`,
      `  TOKEN='${await signToken(running.issuer, first)}'`,
      `  curl -s ${running.gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
      `    -d '${query}'`,
    );
  }
} else {
  lines.push('', 'Tokens come from the configured issuers (AUTH_ISSUERS); anonymous requests read the public directory.');
}
lines.push('', `Ready in ${process.uptime().toFixed(1)} s (process start to serving). Ctrl-C stops.`, '');
console.log(lines.join('\n'));

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) {
    // A second Ctrl-C means "now".
    process.exit(1);
  }
  stopping = true;
  console.log(`\n${signal}: stopping the gateway, the subgraphs and the database…`);
  running
    .stop()
    .then(() => mailCatcher?.stop())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
