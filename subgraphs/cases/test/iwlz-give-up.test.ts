import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildIndicatie,
  iwlzNotification,
  iwlzTestEnv,
  postIwlzNotification,
  startIndicatieRegister,
  startTestHub,
  TEST_UZOVI,
  type TestHub,
  type TestRegister,
} from '@hub/testing';
import { wlzIndicatieItem, wlzNotification } from '../src/db/schema.ts';

/**
 * A register that stays down: the retry loop gives the pull up after IWLZ_MAX_ATTEMPTS attempts, the notification is
 * FAILED with the last error, nothing is on the worklist, and a repeat of the notification answers FAILED without
 * pulling again. (The happy path, the retry that succeeds and the refused answers are in iwlz-notifications.test.ts.)
 */

const SOURCE_TOKEN = `ciz-${randomUUID()}-${randomUUID()}`;
const MAX_ATTEMPTS = 3;
let register: TestRegister;
let hub: TestHub;

beforeAll(async () => {
  register = await startIndicatieRegister();
  register.mode = 'down';
  hub = await startTestHub({
    env: iwlzTestEnv(register, randomUUID(), SOURCE_TOKEN, {
      IWLZ_RETRY_INTERVAL_MS: '50',
      IWLZ_RETRY_BASE_SECONDS: '0',
      IWLZ_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    }),
  });
});

afterAll(async () => {
  await hub?.stop();
  await register?.stop();
});

describe('a register that stays down', () => {
  it('makes the notification FAILED after the configured attempts, with nothing written and no pull on a repeat', async () => {
    const indicatie = buildIndicatie(TEST_UZOVI);
    register.indicaties.push(indicatie);
    const asked = () => register.requests.filter((r) => JSON.stringify(r.variables).includes(indicatie.wlzindicatieID)).length;

    const first = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'PENDING', errorCode: 'REGISTER_UNAVAILABLE' });

    const rowOf = async () => (await hub.database.db.select().from(wlzNotification).where(eq(wlzNotification.wlzIndicatieId, indicatie.wlzindicatieID)))[0];
    let row = await rowOf();
    for (let i = 0; i < 200 && row?.status !== 'FAILED'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      row = await rowOf();
    }
    expect(row).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS, lastError: 'REGISTER_UNAVAILABLE', itemId: null });
    expect(asked()).toBe(MAX_ATTEMPTS);
    const items = await hub.database.db.select().from(wlzIndicatieItem).where(eq(wlzIndicatieItem.wlzIndicatieId, indicatie.wlzindicatieID));
    expect(items).toEqual([]);

    // The register is back, but a failed notification is final: the CIZ's repeat is answered from the row (200: the
    // notification is known; its status says it failed).
    register.mode = 'up';
    const repeat = await postIwlzNotification(hub, iwlzNotification(indicatie.wlzindicatieID), SOURCE_TOKEN);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ status: 'FAILED', notificationId: first.body.notificationId, errorCode: 'REGISTER_UNAVAILABLE', itemId: null });
    await new Promise((r) => setTimeout(r, 300));
    expect(asked()).toBe(MAX_ATTEMPTS);
    expect((await rowOf())?.status).toBe('FAILED');
  });
});
