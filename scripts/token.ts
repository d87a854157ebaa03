import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, loadEnvFile } from '@hub/config';
import { DEMO_PROFESSIONALS, ORGANIZATION_TYPES, ROLES, type OrganizationType, type Role } from '@hub/domain';
import { ensureDevIssuer, signToken } from '@hub/identity';

/**
 * npm run token -- --org <uuid> --role <ROLE> [--role …] [--org-type GEMEENTE] [--gemeente GM0363]
 *                  [--zorgkantoorregio ZK02] [--sub x] [--name "…"] [--email a@b.example] [--expires-in 12h]
 *
 * Prints a development token signed with the dev issuer key in DATA_DIR/keys (the key `npm start` trusts).
 * The token goes to stdout alone, so `TOKEN=$(npm run -s token -- …)` works; everything else goes to stderr.
 */
const USAGE = `Usage: npm run token -- --org <uuid> --role <ROLE> [--role <ROLE> …] [--org-type <TYPE>]
                      [--gemeente GM0363] [--zorgkantoorregio ZK02] [--sub <subject>] [--name <name>]
                      [--email <address>] [--expires-in 12h]
Lifetime: at most TOKEN_MAX_LIFETIME_SECONDS (default 43200 s = 12 h); the hub refuses longer-lived tokens.
Roles: ${ROLES.join(', ')}
Organisation types: ${ORGANIZATION_TYPES.join(', ')}`;

function fail(message: string): never {
  console.error(`error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseCli() {
  try {
    return parseArgs({
      options: {
        org: { type: 'string' },
        role: { type: 'string', multiple: true },
        'org-type': { type: 'string' },
        gemeente: { type: 'string' },
        zorgkantoorregio: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        email: { type: 'string' },
        'expires-in': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
const values = parseCli();
if (values.help) {
  console.error(USAGE);
  process.exit(0);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
const isOrganizationType = (value: string): value is OrganizationType => (ORGANIZATION_TYPES as readonly string[]).includes(value);

const org = values.org;
if (!org) fail('--org <uuid> is required (the organisation the token speaks for).');
if (!UUID.test(org)) fail(`--org must be a UUID, got "${org}".`);

const roleArgs = values.role ?? [];
if (roleArgs.length === 0) fail('at least one --role is required.');
const roles: Role[] = [];
for (const role of roleArgs.map((r) => r.toUpperCase())) {
  if (!isRole(role)) fail(`unknown role "${role}".`);
  if (!roles.includes(role)) roles.push(role);
}

const gemeente = values.gemeente?.toUpperCase();
if (gemeente !== undefined && !/^GM\d{4}$/.test(gemeente)) fail(`--gemeente must be a gemeentecode such as GM0363, got "${values.gemeente}".`);
const region = values.zorgkantoorregio?.toUpperCase();
if (region !== undefined && !/^ZK\d{2}$/.test(region)) fail(`--zorgkantoorregio must be a code such as ZK02, got "${values.zorgkantoorregio}".`);

/** Without --org-type: the demo organisation's own type, or what the gemeente / region flag implies. */
function organizationType(): OrganizationType {
  const given = values['org-type']?.toUpperCase();
  if (given !== undefined) {
    if (!isOrganizationType(given)) fail(`unknown --org-type "${given}".`);
    return given;
  }
  const demo = DEMO_PROFESSIONALS.find((p) => p.organizationId === org);
  if (demo) return demo.organizationType;
  if (gemeente) return 'GEMEENTE';
  if (region) return 'ZORGKANTOOR';
  fail('--org-type is required for an organisation that is not a demo organisation.');
}
const type = organizationType();

const expiresIn = values['expires-in'] ?? '12h';
const lifetime = /^(\d+)\s?(s|m|h|d|w)$/.exec(expiresIn);
if (values.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) fail(`--email must be an e-mail address, got "${values.email}".`);
if (!lifetime) fail(`--expires-in must look like 90s, 30m or 12h, got "${expiresIn}".`);
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const lifetimeSeconds = Number(lifetime[1]) * (UNIT_SECONDS[lifetime[2] ?? 's'] ?? 1);

// Settings from .env (DATA_DIR, the dev issuer); the real environment wins over the file.
loadEnvFile();
const config = loadConfig();
// The hub refuses a longer-lived token with 401, so printing one would only confuse.
if (lifetimeSeconds > config.tokenMaxLifetimeSeconds) {
  fail(`--expires-in ${expiresIn} is longer than the hub accepts (TOKEN_MAX_LIFETIME_SECONDS=${config.tokenMaxLifetimeSeconds}).`);
}
if (config.production) fail('development tokens are not for production (NODE_ENV=production).');
if (config.issuers) console.error('note: AUTH_ISSUERS is set, so a hub with this configuration does not trust the dev issuer.');
const issuer = await ensureDevIssuer(join(config.dataDir, 'keys'), config.devIssuer, config.audience);
const token = await signToken(issuer, {
  subject: values.sub ?? `dev-${roles[0]?.toLowerCase() ?? 'user'}`,
  ...(values.name ? { name: values.name } : {}),
  ...(values.email ? { email: values.email } : {}),
  organizationId: org.toLowerCase(),
  organizationType: type,
  roles,
  gemeenteCode: gemeente,
  zorgkantoorregio: region,
  expiresIn,
});
console.error(`Token for ${roles.join(', ')} at ${type} ${org}${gemeente ? ` (${gemeente})` : ''}${region ? ` (${region})` : ''}, valid ${expiresIn}:`);
console.log(token);
