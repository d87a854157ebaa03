import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, sql } from '@hub/db';
import { INTERNAL_SECRET_HEADER, SUBGRAPH_SECRET_HEADER } from '@hub/service-kit';
import {
  buildIndicatie,
  errorCodes,
  iwlzNotification,
  iwlzTestEnv,
  postIwlzNotification,
  startIndicatieRegister,
  startTestHub,
  type GraphQLBody,
  type TestHub,
  type TestRegister,
} from '@hub/testing';

/**
 * The iWlz notification door puts a client and an indicatie into the hub, so only the configured source may open it:
 * at the gateway its bearer secret, compared in constant time; behind the gateway the cases subgraph takes the
 * notification only with the gateway's secret for cases (a peer subgraph's internal secret is not enough, no secret at
 * all certainly not). A refused notification writes nothing and reaches no register. The worklist it fills is the
 * zorgkantoor's own.
 */

const SOURCE_TOKEN = `ciz-${randomUUID()}-${randomUUID()}`;
const zorgkantoorId = randomUUID();
let register: TestRegister;
let hub: TestHub;

beforeAll(async () => {
  register = await startIndicatieRegister();
  hub = await startTestHub({ env: iwlzTestEnv(register, zorgkantoorId, SOURCE_TOKEN, { IWLZ_RETRY_INTERVAL_MS: '0' }) });
});
afterAll(async () => {
  await hub?.stop();
  await register?.stop();
});

const notificationsOf = async (wlzIndicatieId: string) =>
  rowsOf<{ id: string }>(await hub.database.db.execute(sql`select id from cases.wlz_notification where wlz_indicatie_id = ${wlzIndicatieId}::uuid`));
const clientCount = async () => rowsOf<{ n: number }>(await hub.database.db.execute(sql`select count(*)::int as n from cases.client`))[0]?.n ?? -1;

/** POSTs straight at the cases subgraph's notification endpoint, as an attacker inside the network would. */
async function postToCases(body: unknown, headers: Record<string, string>) {
  const url = new URL('/internal/iwlz-notification', new URL(hub.subgraphUrls.cases ?? '').origin);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as GraphQLBody };
}

describe('the iWlz notification door', () => {
  it('refuses a caller without the source secret at the gateway: a missing, wrong, JWT-shaped or differently-cased token', async () => {
    const indicatie = buildIndicatie('5151');
    register.indicaties.push(indicatie);
    const clients = await clientCount();
    const professional = await hub.tokenFor({ organizationId: zorgkantoorId, organizationType: 'ZORGKANTOOR', roles: ['ZORGBEMIDDELAAR'] });
    for (const token of [undefined, '', `${SOURCE_TOKEN.slice(0, -1)}x`, SOURCE_TOKEN.toUpperCase(), professional]) {
      const answer = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), token);
      expect(answer.status).toBe(401);
    }
    // Basic auth with the secret as password is no bearer token either.
    const basic = await fetch(hub.gatewayPath('/iwlz/notificaties'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`ciz:${SOURCE_TOKEN}`).toString('base64')}` },
      body: JSON.stringify(iwlzNotification(indicatie.wlzindicatieID)),
    });
    expect(basic.status).toBe(401);
    expect(register.requests).toEqual([]);
    expect(await notificationsOf(indicatie.wlzindicatieID)).toEqual([]);
    expect(await clientCount()).toBe(clients);
  });

  it('refuses a caller posting straight at the cases subgraph without the gateway secret, or with a peer secret only', async () => {
    const indicatie = buildIndicatie('5151');
    register.indicaties.push(indicatie);
    const body = iwlzNotification(indicatie.wlzindicatieID);
    const without = await postToCases(body, { authorization: `Bearer ${SOURCE_TOKEN}` });
    expect(without.status).toBe(401);
    expect(errorCodes(without)).toEqual(['UNAUTHENTICATED']);
    const wrong = await postToCases(body, { [SUBGRAPH_SECRET_HEADER]: `${hub.subgraphSecrets.cases ?? ''}x` });
    expect(wrong.status).toBe(401);
    // The subgraph-to-subgraph secret opens the peer contracts, not this door: only the gateway checked the source.
    const peer = await postToCases(body, { [INTERNAL_SECRET_HEADER]: hub.internalSecret });
    expect(peer.status).toBe(404);
    // Another subgraph's gateway secret is not cases' either.
    const referralsSecret = await postToCases(body, { [SUBGRAPH_SECRET_HEADER]: hub.subgraphSecrets.referrals ?? '' });
    expect(referralsSecret.status).toBe(401);
    expect(register.requests.filter((r) => JSON.stringify(r.variables).includes(indicatie.wlzindicatieID))).toEqual([]);
    expect(await notificationsOf(indicatie.wlzindicatieID)).toEqual([]);
  });

  it('answers the gateway (its secret for cases): the door works, so the refusals above are about the secret', async () => {
    const indicatie = buildIndicatie('5151');
    register.indicaties.push(indicatie);
    const answer = await postToCases(iwlzNotification(indicatie.wlzindicatieID), { [SUBGRAPH_SECRET_HEADER]: hub.subgraphSecrets.cases ?? '' });
    expect(answer.status).toBe(201);
    expect(await notificationsOf(indicatie.wlzindicatieID)).toHaveLength(1);
  });

  it('refuses a body with personal data fields or another shape at the gateway, before anything is forwarded', async () => {
    const id = randomUUID();
    const withData = await postIwlzNotification(
      hub,
      { ...iwlzNotification(id), subjectList: [{ subject: `WlzIndicatie/${id}`, recordID: 'bsn:999990019' }] },
      SOURCE_TOKEN,
    );
    expect(withData.status).toBe(400);
    // The refusal does not echo the value it refused.
    expect(JSON.stringify(withData.body)).not.toContain('999990019');
    const get = await fetch(hub.gatewayPath('/iwlz/notificaties'), { headers: { authorization: `Bearer ${SOURCE_TOKEN}` } });
    expect(get.status).toBe(405);
    expect(await notificationsOf(id)).toEqual([]);
  });

  it("keeps one zorgkantoor's worklist from everyone else, also straight at the subgraph", async () => {
    const indicatie = buildIndicatie('5151');
    register.indicaties.push(indicatie);
    const stored = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
    const itemId = String(stored.body.itemId);
    const query = 'query ($id: ID!) { wlzIndicatieItem(id: $id) { id zorgprofiel client { id } } }';
    const otherZk = await hub.tokenFor({ organizationType: 'ZORGKANTOOR', roles: ['ZORGBEMIDDELAAR'] });
    const oco = await hub.tokenFor({ organizationType: 'OCO', roles: ['CLIENTONDERSTEUNER'] });
    expect(errorCodes(await hub.graphql(query, { id: itemId }, { token: otherZk }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await hub.graphql(query, { id: itemId }, { token: oco }))).toEqual(['FORBIDDEN']);
    const direct = await hub.directSubgraphRequest('cases', query, { token: otherZk, secret: hub.subgraphSecrets.cases, variables: { id: itemId } });
    expect(errorCodes(direct)).toEqual(['NOT_FOUND']);
    const contact = await hub.graphql(
      'mutation ($input: RecordIndicatieContactInput!) { recordIndicatieContact(input: $input) { item { id } } }',
      { input: { id: itemId, expectedVersion: 1 } },
      { token: otherZk },
    );
    expect(errorCodes(contact)).toEqual(['NOT_FOUND']);
  });
});
