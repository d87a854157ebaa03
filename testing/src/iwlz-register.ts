import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { demoBsn } from '@hub/domain';
import type { TestHub } from './hub.ts';

/**
 * A stand-in for the CIZ Indicatieregister: a real HTTP GraphQL server on a free port whose schema is the part of the
 * iWlz Indicatieregister SDL, version 1.6.5 (2025-03-06), that the hub queries, written out by hand. Every query the hub
 * sends is parsed and validated against it (an invalid one is answered with the validation errors, as a GraphQL server
 * would), so a query outside the register's schema fails the test. Tests put indicaties in, take the register down,
 * or make it answer nonsense.
 */
export const INDICATIEREGISTER_SDL = /* GraphQL */ `
  # Subset of iWlz Indicatieregister.graphql, Versie 1.6.5, datum 2025-03-06 (iStandaarden/iWlz-indicatie).
  scalar UUID
  scalar Date

  type Query {
    wlzIndicatie(where: WlzIndicatieFilterInput): [WlzIndicatie!]!
  }

  type WlzIndicatie {
    wlzindicatieID: UUID!
    bsn: String!
    besluitnummer: Int!
    soortWlzindicatie: String!
    afgiftedatum: Date!
    ingangsdatum: Date!
    einddatum: Date
    meerzorg: String
    initieelVerantwoordelijkZorgkantoor: String!
    vervaldatum: Date
    geindiceerdZorgzwaartepakket: [GeindiceerdZorgzwaartepakket!]
    client: Client!
    commentaar: String
  }

  type GeindiceerdZorgzwaartepakket {
    geindiceerdZorgzwaartepakketID: UUID!
    zzpCode: String!
    ingangsdatum: Date!
    einddatum: Date
    voorkeurClient: String
    instellingVoorkeur: String
    financiering: String!
    commentaar: String
  }

  type Client {
    clientID: UUID!
    bsn: String!
    geheimeClient: String!
    geboorteDatum: Date!
    geslacht: String!
    geslachtsnaam: String!
    voorvoegselGeslachtsnaam: String
    voornamen: String
    roepnaam: String
    voorletters: String
    naamGebruik: String!
  }

  input WlzIndicatieFilterInput {
    wlzindicatieID: UuidOperationFilterInput
    initieelVerantwoordelijkZorgkantoor: StringOperationFilterInput
    agbCodeInstelling: StringOperationFilterInput
    raadpleegDatum: Date
  }

  input StringOperationFilterInput {
    eq: String
  }

  input UuidOperationFilterInput {
    eq: UUID
  }
`;

const schema = buildSchema(INDICATIEREGISTER_SDL);

export interface TestIndicatie {
  wlzindicatieID: string;
  bsn: string;
  besluitnummer: number;
  soortWlzindicatie: string;
  afgiftedatum: string;
  ingangsdatum: string;
  einddatum: string | null;
  initieelVerantwoordelijkZorgkantoor: string;
  geindiceerdZorgzwaartepakket: {
    geindiceerdZorgzwaartepakketID: string;
    zzpCode: string;
    ingangsdatum: string;
    einddatum: string | null;
    voorkeurClient: string | null;
    financiering: string;
  }[];
  client: {
    clientID: string;
    bsn: string;
    geheimeClient: string;
    geboorteDatum: string;
    geslacht: string;
    geslachtsnaam: string;
    voorvoegselGeslachtsnaam: string | null;
    voornamen: string | null;
    roepnaam: string | null;
    voorletters: string | null;
    naamGebruik: string;
  };
}

// demoBsn has about 9,000 numbers; the demo data uses the first few dozen, a test file a few dozen from a random start.
let bsnCounter = 3000 + Math.floor(Math.random() * 5000);

/** A fresh indicatie for a fictional client (BSN from the 9999xxxxx test range), VV 5VV (COD163 754), preference VPT (COD578 5). */
export function buildIndicatie(uzovi: string, overrides: Partial<TestIndicatie> = {}): TestIndicatie {
  const bsn = overrides.bsn ?? demoBsn(bsnCounter++);
  return {
    wlzindicatieID: randomUUID(),
    bsn,
    besluitnummer: 100_000 + Math.floor(Math.random() * 800_000),
    soortWlzindicatie: '1',
    afgiftedatum: '2026-11-02',
    ingangsdatum: '2026-11-02',
    einddatum: null,
    initieelVerantwoordelijkZorgkantoor: uzovi,
    geindiceerdZorgzwaartepakket: [
      {
        geindiceerdZorgzwaartepakketID: randomUUID(),
        zzpCode: '754',
        ingangsdatum: '2026-11-02',
        einddatum: null,
        voorkeurClient: '5',
        financiering: '1',
      },
    ],
    client: {
      clientID: randomUUID(),
      bsn,
      geheimeClient: '2',
      geboorteDatum: '1941-03-14',
      geslacht: '2',
      geslachtsnaam: 'Registerman',
      voorvoegselGeslachtsnaam: 'de',
      voornamen: 'Wilhelmina Johanna',
      roepnaam: 'Mien',
      voorletters: 'W.J.',
      naamGebruik: '1',
    },
    ...overrides,
  };
}

export interface TestRegister {
  /** The GraphQL URL (for IWLZ_REGISTER_URL). */
  url: string;
  token: string;
  indicaties: TestIndicatie[];
  /** Every query document received, as text, and the variables. */
  requests: { query: string; variables: unknown; authorized: boolean }[];
  /** 'up' answers; 'down' answers 503; a function answers with its own body (e.g. nonsense). */
  mode: 'up' | 'down' | ((variables: Record<string, unknown>) => unknown);
  stop(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

export async function startIndicatieRegister(): Promise<TestRegister> {
  const register: TestRegister = {
    url: '',
    token: `register-${randomUUID()}`,
    indicaties: [],
    requests: [],
    mode: 'up',
    stop: async () => undefined,
  };
  const server = createServer((req, res) => {
    void (async () => {
      const authorized = req.headers.authorization === `Bearer ${register.token}`;
      const body = (await readJson(req)) as { query?: string; variables?: Record<string, unknown> };
      register.requests.push({ query: body.query ?? '', variables: body.variables, authorized });
      if (register.mode === 'down') return send(res, 503, { errors: [{ message: 'Service Unavailable' }] });
      if (!authorized) return send(res, 401, { errors: [{ message: 'Unauthorized' }] });
      const variables = body.variables ?? {};
      if (typeof register.mode === 'function') return send(res, 200, register.mode(variables));
      let document: DocumentNode;
      try {
        document = parse(body.query ?? '');
      } catch (error) {
        return send(res, 400, { errors: [{ message: error instanceof GraphQLError ? error.message : 'parse error' }] });
      }
      const errors = validate(schema, document);
      if (errors.length) return send(res, 400, { errors: errors.map((e) => ({ message: e.message })) });
      const rootValue = {
        wlzIndicatie: (args: { where?: { wlzindicatieID?: { eq?: string }; initieelVerantwoordelijkZorgkantoor?: { eq?: string } } }) =>
          register.indicaties.filter(
            (i) =>
              (!args.where?.wlzindicatieID?.eq || i.wlzindicatieID === args.where.wlzindicatieID.eq) &&
              (!args.where?.initieelVerantwoordelijkZorgkantoor?.eq ||
                i.initieelVerantwoordelijkZorgkantoor === args.where.initieelVerantwoordelijkZorgkantoor.eq),
          ),
      };
      const result = await execute({ schema, document, rootValue, variableValues: variables });
      return send(res, 200, result);
    })().catch(() => send(res, 500, { errors: [{ message: 'register failure' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  register.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  register.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return register;
}

/** The UZOVI code the tests give the zorgkantoor they receive for. */
export const TEST_UZOVI = '5151';

/** The configuration a hub needs to take notifications for `zorgkantoorId` and pull from `register`. */
export function iwlzTestEnv(
  register: TestRegister,
  zorgkantoorId: string,
  notificationToken: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    IWLZ_NOTIFICATION_TOKEN: notificationToken,
    IWLZ_REGISTER_URL: register.url,
    IWLZ_REGISTER_TOKEN: register.token,
    IWLZ_ZORGKANTOREN: `${TEST_UZOVI}=${zorgkantoorId}`,
    ...extra,
  };
}

/** The iWlz envelope NIEUWE_INDICATIE_ZORGKANTOOR for one indicatie, as the CIZ sends it. */
export function iwlzNotification(wlzIndicatieId: string, overrides: Record<string, unknown> = {}) {
  return {
    timestamp: new Date().toISOString(),
    afzenderIDType: 'KVK',
    afzenderID: '62253778',
    ontvangerIDType: 'UZOVI',
    ontvangerID: TEST_UZOVI,
    ontvangerKenmerk: null,
    eventType: 'NIEUWE_INDICATIE_ZORGKANTOOR',
    subjectList: [{ subject: `WlzIndicatie/${wlzIndicatieId}`, recordID: `WlzIndicatie/${wlzIndicatieId}` }],
    ...overrides,
  };
}

/** POSTs a notification to the gateway's /iwlz/notificaties with the source's bearer token. */
export async function postIwlzNotification(hub: Pick<TestHub, 'gatewayPath'>, body: unknown, token: string | undefined) {
  const res = await fetch(hub.gatewayPath('/iwlz/notificaties'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { nonJson: text.slice(0, 300) };
  }
  return { status: res.status, body: json };
}
