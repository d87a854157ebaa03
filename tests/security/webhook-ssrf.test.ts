import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ReferralSettings } from '@hub/config';
import { createLogger } from '@hub/service-kit';
import { startTestHub, type GraphQLResult, type TestHub } from '@hub/testing';
import { webhookEndpoint } from '../../subgraphs/referrals/src/db/schema.ts';
import { createPeerClient } from '../../subgraphs/referrals/src/peers.ts';
import { createRelay, type Relay } from '../../subgraphs/referrals/src/relay.ts';
import type { HostResolver } from '../../subgraphs/referrals/src/webhook-target.ts';
import { dataOf, makeClientWithTrajectory, makeParties, recordHandoverConsent, referralInput, type Parties } from '../../subgraphs/referrals/test/helpers.ts';

/**
 * Webhook URLs must not reach the hub's own network (SSRF): loopback, private, link-local (cloud metadata), CGNAT,
 * multicast, broadcast, unspecified and the IPv6 forms that embed such addresses, and URLs carrying a user name or
 * password. Refused at registration (literal addresses, localhost names, names that resolve there) and again at
 * delivery, after resolving the name, connecting to the address that was checked (no second lookup to rebind).
 * WEBHOOK_ALLOWED_PRIVATE_RANGES opens ranges for an on-premise receiver; these tests set it explicitly.
 */

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { endpoint { id url } secret } }`;
const ENDPOINTS = `{ webhookEndpoints(first: 5) { nodes { id url deliveries(first: 5) { nodes { status attemptCount attempts { accepted statusCode error } } } } } }`;

type Endpoints = {
  webhookEndpoints: {
    nodes: {
      id: string;
      url: string;
      deliveries: { nodes: { status: string; attemptCount: number; attempts: { accepted: boolean; statusCode: number | null; error: string | null }[] }[] };
    }[];
  };
};

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 that records every request and answers 204. */
async function receiver(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const errorsOf = (r: GraphQLResult<unknown>) => (r.body.errors ?? []).map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }));

/** Literal hostile targets; WHATWG URL parsing turns the decimal, hex and octal forms into 127.0.0.1. */
const HOSTILE_URLS = [
  'http://127.0.0.1:8080/hook',
  'http://127.1/hook',
  'http://2130706433/hook',
  'http://0x7f.1/hook',
  'http://0177.0.0.1/hook',
  'http://[::1]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[::ffff:7f00:1]/hook',
  'http://[::127.0.0.1]/hook',
  'http://localhost:8080/hook',
  'http://LOCALHOST./hook',
  'http://hooks.localhost/hook',
  'http://10.1.2.3/hook',
  'http://172.16.5.4/hook',
  'http://172.31.255.255/hook',
  'http://192.168.1.10/hook',
  'http://[fc00::1]/hook',
  'http://[fd12:3456::1]/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fe80::1]/hook',
  'http://0.0.0.0/hook',
  'http://0/hook',
  'http://[::]/hook',
  'http://100.64.0.1/hook',
  'http://224.0.0.1/hook',
  'http://[ff02::1]/hook',
  'http://255.255.255.255/hook',
  'http://[64:ff9b::a9fe:a9fe]/hook',
  'http://[2002:7f00:1::]/hook',
  'https://user:pass@93.184.216.34/hook',
  'https://user@93.184.216.34/hook',
  'https://:secret@93.184.216.34/hook',
];

describe('webhook registration refuses internal targets (development mode, allow-list closed)', () => {
  let hub: TestHub;
  let parties: Parties;
  beforeAll(async () => {
    hub = await startTestHub({ env: { REFERRAL_RELAY_INTERVAL_MS: '0', WEBHOOK_ALLOWED_PRIVATE_RANGES: '' } });
    parties = await makeParties(hub);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it.each(HOSTILE_URLS)('refuses %s with BAD_USER_INPUT on input.url and stores nothing', async (url) => {
    const result = await hub.graphql(REGISTER, { input: { url } }, { token: parties.receiverBeheerder.token });
    expect(errorsOf(result)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.url' }]);
    expect(result.body.data).toBeNull();
    const stored = dataOf<Endpoints>(await hub.graphql(ENDPOINTS, {}, { token: parties.receiverBeheerder.token }));
    expect(stored.webhookEndpoints.nodes).toEqual([]);
  });

  it.each(['https://93.184.216.34/hook', 'http://8.8.8.8:8443/hook', 'https://[2606:4700:4700::1111]/hook', 'http://[::ffff:8.8.8.8]/hook'])(
    'still registers the public address %s',
    async (url) => {
      const owner = (await makeParties(hub)).receiverBeheerder;
      const registered = dataOf<{ registerWebhook: { endpoint: { url: string } } }>(await hub.graphql(REGISTER, { input: { url } }, { token: owner.token }));
      expect(registered.registerWebhook.endpoint.url).toBe(url);
    },
  );

  it('refuses the cloud metadata address sent straight at the referrals subgraph too', async () => {
    const result = await hub.directSubgraphRequest('referrals', REGISTER, {
      secret: hub.subgraphSecrets.referrals,
      token: parties.receiverBeheerder.token,
      variables: { input: { url: 'http://169.254.169.254/latest/meta-data/iam/' } },
    });
    expect(errorsOf(result)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.url' }]);
    const rows = await hub.database.db.select().from(webhookEndpoint);
    expect(rows.filter((r) => r.organizationId === parties.receiverBeheerder.organizationId)).toEqual([]);
  });

  it('does not echo the password of a refused URL in the error', async () => {
    const result = await hub.graphql(
      REGISTER,
      { input: { url: 'https://hubuser:S3cretPassw0rd@93.184.216.34/hook' } },
      { token: parties.receiverBeheerder.token },
    );
    expect(errorsOf(result)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.url' }]);
    expect(JSON.stringify(result.body)).not.toContain('S3cretPassw0rd');
  });
});

describe('webhook registration in production', () => {
  let hub: TestHub;
  let parties: Parties;
  beforeAll(async () => {
    hub = await startTestHub({ production: true, env: { REFERRAL_RELAY_INTERVAL_MS: '0' } });
    parties = await makeParties(hub);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it.each([
    'https://10.0.0.8/hook',
    'https://127.0.0.1/hook',
    'https://[::1]/hook',
    'https://169.254.169.254/latest/meta-data/',
    'https://localhost/hook',
    'https://192.168.0.1/hook',
  ])('refuses https to the internal address %s', async (url) => {
    const result = await hub.graphql(REGISTER, { input: { url } }, { token: parties.receiverBeheerder.token });
    expect(errorsOf(result)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.url' }]);
    const stored = dataOf<Endpoints>(await hub.graphql(ENDPOINTS, {}, { token: parties.receiverBeheerder.token }));
    expect(stored.webhookEndpoints.nodes).toEqual([]);
  });

  it('refuses plain http even to a public address, and a configuration that would allow it', async () => {
    const result = await hub.graphql(REGISTER, { input: { url: 'http://93.184.216.34/hook' } }, { token: parties.receiverBeheerder.token });
    expect(errorsOf(result)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.url' }]);
    expect(() => loadConfig({ ...productionEnv(), WEBHOOK_ALLOW_HTTP: 'true' })).toThrow(ConfigError);
  });
});

/** The smallest environment production accepts. */
function productionEnv(): Record<string, string> {
  return { NODE_ENV: 'production', AUTH_ISSUERS: JSON.stringify([{ issuer: 'https://idp.example', jwksUrl: 'https://idp.example/jwks' }]) };
}

describe('WEBHOOK_ALLOWED_PRIVATE_RANGES configuration', () => {
  it('is empty in production and loopback elsewhere by default', () => {
    expect(loadConfig(productionEnv()).referrals.webhookAllowedPrivateRanges).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development' }).referrals.webhookAllowedPrivateRanges).toEqual(['127.0.0.0/8', '::1/128']);
    expect(loadConfig({ NODE_ENV: 'development', WEBHOOK_ALLOWED_PRIVATE_RANGES: '' }).referrals.webhookAllowedPrivateRanges).toEqual([]);
    expect(loadConfig({ ...productionEnv(), WEBHOOK_ALLOWED_PRIVATE_RANGES: ' 10.20.0.0/16, fd00:1::/64 ' }).referrals.webhookAllowedPrivateRanges).toEqual([
      '10.20.0.0/16',
      'fd00:1::/64',
    ]);
  });

  it.each(['10.0.0.0', '10.0.0.0/33', '::1/129', 'example.org/8', '10.0.0.0/8;rm', '10.0.0.0/-1', '0x0a.0.0.0/8'])(
    'refuses the malformed range %s',
    (value) => {
      expect(() => loadConfig({ NODE_ENV: 'development', WEBHOOK_ALLOWED_PRIVATE_RANGES: value })).toThrow(ConfigError);
    },
  );
});

describe('webhook delivery checks the address it connects to', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ captureLogs: true, env: { REFERRAL_RELAY_INTERVAL_MS: '0', WEBHOOK_ALLOWED_PRIVATE_RANGES: '127.0.0.0/8' } });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  function relayWith(settings: Partial<ReferralSettings>, resolveHost?: HostResolver): Relay {
    const peerUrls = Object.fromEntries(Object.entries(hub.subgraphUrls).map(([name, url]) => [name, new URL(url).origin]));
    return createRelay({
      db: hub.database.db,
      settings: { ...hub.config.referrals, ...settings },
      peers: createPeerClient(peerUrls, hub.internalSecret, 5000),
      logger: createLogger('webhook-ssrf-test-relay', 'silent'),
      ...(resolveHost ? { resolveHost } : {}),
    });
  }

  /** Fresh organisations, the endpoint registered through the gateway (or stored as is), and one event for it. */
  async function endpointWithEvent(url: string, options: { storeDirectly?: boolean; secret?: string } = {}) {
    const parties = await makeParties(hub);
    let endpointId: string;
    if (options.storeDirectly) {
      // An endpoint whose name resolved to a public address when it was registered.
      endpointId = randomUUID();
      await hub.database.db.insert(webhookEndpoint).values({
        id: endpointId,
        organizationId: parties.receiver.organizationId,
        url,
        secret: options.secret ?? 'x'.repeat(40),
        createdBy: 'test',
      });
    } else {
      const registered = dataOf<{ registerWebhook: { endpoint: { id: string } } }>(
        await hub.graphql(REGISTER, { input: { url, ...(options.secret ? { secret: options.secret } : {}) } }, { token: parties.receiverBeheerder.token }),
      );
      endpointId = registered.registerWebhook.endpoint.id;
    }
    const c = await makeClientWithTrajectory(hub, parties.sender);
    await recordHandoverConsent(hub, parties.sender, c.clientId, parties.receiver.organizationId);
    dataOf(
      await hub.graphql(
        `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }`,
        { input: referralInput({ ...c, toOrganizationId: parties.receiver.organizationId }) },
        { token: parties.sender.token },
      ),
    );
    const deliveries = async () => {
      const list = dataOf<Endpoints>(await hub.graphql(ENDPOINTS, {}, { token: parties.receiverBeheerder.token }));
      return list.webhookEndpoints.nodes.find((e) => e.id === endpointId)?.deliveries.nodes ?? [];
    };
    return { parties, endpointId, deliveries };
  }

  it('does not deliver once the allow-list no longer covers the address the name resolves to', async () => {
    const target = await receiver();
    try {
      const { deliveries } = await endpointWithEvent(`http://localhost:${target.port}/hook?token-free=1`);
      await relayWith({ webhookAllowedPrivateRanges: [] }).runOnce();
      expect(target.received).toEqual([]);
      const [delivery] = await deliveries();
      // Not retryable: the address is refused by policy, not by a passing fault.
      expect(delivery).toMatchObject({ status: 'FAILED', attemptCount: 1 });
      expect(delivery?.attempts).toEqual([{ accepted: false, statusCode: null, error: 'refused: internal address' }]);
    } finally {
      await target.close();
    }
  });

  it.each([
    ['the cloud metadata address', ['169.254.169.254']],
    ['a private address among public ones', ['93.184.216.34', '10.0.0.7']],
    ['the cloud metadata address in IPv4-mapped form', ['::ffff:169.254.169.254']],
    ['a NAT64 form of a private address', ['64:ff9b::a00:1']],
    ['a unique-local IPv6 address', ['fd00::5']],
  ])('does not deliver when the name now resolves to %s', async (_label, addresses) => {
    const target = await receiver();
    try {
      const { deliveries } = await endpointWithEvent(`http://localhost:${target.port}/hook`);
      const lookups: string[] = [];
      const resolveHost: HostResolver = async (hostname) => {
        lookups.push(hostname);
        return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
      };
      // The allow-list still opens 127.0.0.0/8, so `localhost` passes the first check and the DNS answer decides.
      const round = await relayWith({}, resolveHost).runOnce();
      expect(round.webhookDelivered).toBe(0);
      expect(lookups).toEqual(['localhost']);
      expect(target.received).toEqual([]);
      const [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: 'FAILED', attemptCount: 1 });
      expect(delivery?.attempts[0]?.error).toBe('refused: internal address');
    } finally {
      await target.close();
    }
  });

  it('connects to the address it checked: a rebinding answer on a second lookup is never used', async () => {
    const target = await receiver();
    try {
      const secret = 'rebinding-secret-'.padEnd(40, 'z');
      // `.invalid` never resolves in real DNS (RFC 6761): the delivery can only arrive through the checked answer.
      const { deliveries } = await endpointWithEvent(`http://rebind.invalid:${target.port}/hook`, { storeDirectly: true, secret });
      let calls = 0;
      const resolveHost: HostResolver = async () => {
        calls++;
        return calls === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '169.254.169.254', family: 4 }];
      };
      const round = await relayWith({}, resolveHost).runOnce();
      expect(round.webhookDelivered).toBe(1);
      expect(calls).toBe(1);
      expect(target.received).toHaveLength(1);
      const [request] = target.received;
      expect(request?.headers.host).toBe(`rebind.invalid:${target.port}`);
      const [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: 'DELIVERED', attemptCount: 1 });
    } finally {
      await target.close();
    }
  });

  it('logs a refused delivery without the query string or credentials of the URL', async () => {
    const target = await receiver();
    try {
      const { endpointId } = await endpointWithEvent(`http://hubuser:Pw0rdInUrl@rebind.invalid:${target.port}/hook?signature=Abc123Query`, {
        storeDirectly: true,
      });
      const lines: string[] = [];
      const logger = createLogger('webhook-ssrf-test-relay', 'info', {
        write: (line: string) => {
          lines.push(line);
        },
      });
      const peerUrls = Object.fromEntries(Object.entries(hub.subgraphUrls).map(([name, url]) => [name, new URL(url).origin]));
      const relay = createRelay({
        db: hub.database.db,
        settings: hub.config.referrals,
        peers: createPeerClient(peerUrls, hub.internalSecret, 5000),
        logger,
        resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
      });
      await relay.runOnce();
      expect(target.received).toEqual([]);
      const refused = lines.filter((l) => l.includes('webhook delivery refused'));
      expect(refused).toHaveLength(1);
      expect(refused[0]).toContain(endpointId);
      expect(refused[0]).toContain(`"origin":"http://rebind.invalid:${target.port}"`);
      expect(refused[0]).toContain('credentials in URL');
      expect(lines.join('')).not.toContain('Pw0rdInUrl');
      expect(lines.join('')).not.toContain('hubuser');
      expect(lines.join('')).not.toContain('Abc123Query');
    } finally {
      await target.close();
    }
  });

  it('delivers a signed notification to an on-premise receiver inside WEBHOOK_ALLOWED_PRIVATE_RANGES', async () => {
    const target = await receiver();
    try {
      const secret = 'on-premise-secret-'.padEnd(40, 'q');
      const { deliveries } = await endpointWithEvent(`http://127.0.0.1:${target.port}/hook`, { secret });
      const round = await relayWith({ webhookAllowedPrivateRanges: ['127.0.0.0/8'] }).runOnce();
      expect(round.webhookDelivered).toBe(1);
      expect(target.received).toHaveLength(1);
      const [request] = target.received;
      const header = String(request?.headers['x-hub-signature']);
      const t = /t=(\d+)/.exec(header)?.[1];
      const expected = createHmac('sha256', secret).update(`${t}.${request?.body}`).digest('hex');
      expect(header).toBe(`t=${t},v1=${expected}`);
      expect((await deliveries())[0]).toMatchObject({ status: 'DELIVERED' });
    } finally {
      await target.close();
    }
  });
});
