import { z } from 'zod';
import type { IwlzPullError } from '@hub/contracts';
import { isValidBsn, LEVERINGSVORMEN, normalizeBsn } from '@hub/domain';

/**
 * The pull of notify-then-pull: the hub asks the CIZ Indicatieregister (iWlz Indicatieregister 1.6.5, GraphQL) for the
 * one indicatie a notification pointed at, with the filter shape of the zorgkantoor's query QIR-0001-ZKi (the
 * indicatie's id, and the caller's own UZOVI code as initieelVerantwoordelijkZorgkantoor), and only the fields it keeps.
 */
export const WLZ_INDICATIE_QUERY = /* GraphQL */ `
  query WlzIndicatie($wlzIndicatieID: UUID!, $initieelVerantwoordelijkZorgkantoor: String!) {
    wlzIndicatie(
      where: {
        wlzindicatieID: { eq: $wlzIndicatieID }
        initieelVerantwoordelijkZorgkantoor: { eq: $initieelVerantwoordelijkZorgkantoor }
      }
    ) {
      wlzindicatieID
      bsn
      besluitnummer
      afgiftedatum
      ingangsdatum
      einddatum
      initieelVerantwoordelijkZorgkantoor
      geindiceerdZorgzwaartepakket {
        geindiceerdZorgzwaartepakketID
        zzpCode
        ingangsdatum
        einddatum
        voorkeurClient
      }
      client {
        clientID
        bsn
        geboorteDatum
        geslachtsnaam
        voorvoegselGeslachtsnaam
        voornamen
        roepnaam
        voorletters
      }
    }
  }
`;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar date');
const name = (max: number) => z.string().trim().max(max);
const uuidLike = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);

const indicatieSchema = z.object({
  wlzindicatieID: uuidLike,
  bsn: z.string().max(20),
  besluitnummer: z.number().int().min(0).max(2_147_483_647),
  afgiftedatum: isoDate,
  ingangsdatum: isoDate,
  einddatum: isoDate.nullish(),
  initieelVerantwoordelijkZorgkantoor: z.string().max(10),
  geindiceerdZorgzwaartepakket: z
    .array(
      z.object({
        geindiceerdZorgzwaartepakketID: uuidLike,
        // COD163 codes are three digits; kept verbatim.
        zzpCode: z.string().regex(/^\d{3}$/, 'must be a COD163 code'),
        ingangsdatum: isoDate,
        einddatum: isoDate.nullish(),
        voorkeurClient: z.string().max(10).nullish(),
      }),
    )
    .max(50)
    .nullish(),
  client: z.object({
    clientID: uuidLike,
    bsn: z.string().max(20),
    geboorteDatum: isoDate,
    geslachtsnaam: name(150).min(1),
    voorvoegselGeslachtsnaam: name(30).nullish(),
    voornamen: name(200).nullish(),
    roepnaam: name(100).nullish(),
    voorletters: name(30).nullish(),
  }),
});

const answerSchema = z.object({
  data: z.object({ wlzIndicatie: z.array(indicatieSchema).max(10) }),
  errors: z.array(z.unknown()).max(0).optional(),
});

/** What the hub stores of an indicatie, validated. */
export interface PulledIndicatie {
  wlzIndicatieId: string;
  bsn: string;
  besluitnummer: number;
  afgiftedatum: string;
  ingangsdatum: string;
  einddatum: string | null;
  zorgprofiel: string | null;
  leveringsvorm: string | null;
  client: { givenName: string; namePrefix: string | null; familyName: string; dateOfBirth: string };
}

export type PullResult = { ok: true; indicatie: PulledIndicatie } | { ok: false; error: IwlzPullError; retry: boolean };

/** The pakket valid on `today`, else the one that starts last: its zzpCode is the zorgprofiel. */
function currentPakket<T extends { ingangsdatum: string; einddatum?: string | null | undefined }>(pakketten: readonly T[], today: string): T | undefined {
  const valid = pakketten.filter((p) => p.ingangsdatum <= today && (!p.einddatum || p.einddatum >= today));
  const pool = valid.length ? valid : pakketten;
  return [...pool].sort((a, b) => b.ingangsdatum.localeCompare(a.ingangsdatum))[0];
}

const leveringsvormOf = (code: string | null | undefined): string | null =>
  code ? (Object.entries(LEVERINGSVORMEN).find(([k]) => k === code.trim())?.[1] ?? null) : null;

export interface RegisterSettings {
  url: string | undefined;
  token: string | undefined;
  timeoutMs: number;
}

/**
 * Pulls and checks one indicatie. A register that does not answer (network, timeout, an HTTP error) is worth retrying;
 * an answer that does not fit (not the schema, not the indicatie asked, another zorgkantoor, a BSN failing the
 * elfproef) is refused for good. The register's own text never leaves this function: it may hold personal data.
 */
export async function pullIndicatie(settings: RegisterSettings, wlzIndicatieId: string, uzovi: string, today: string): Promise<PullResult> {
  if (!settings.url) return { ok: false, error: 'REGISTER_NOT_CONFIGURED', retry: true };
  let response: Response;
  try {
    response = await fetch(settings.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
      },
      body: JSON.stringify({
        operationName: 'WlzIndicatie',
        query: WLZ_INDICATIE_QUERY,
        variables: { wlzIndicatieID: wlzIndicatieId, initieelVerantwoordelijkZorgkantoor: uzovi },
      }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch {
    return { ok: false, error: 'REGISTER_UNAVAILABLE', retry: true };
  }
  const text = await response.text().catch(() => null);
  if (!response.ok || text === null) return { ok: false, error: 'REGISTER_UNAVAILABLE', retry: true };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'MALFORMED_ANSWER', retry: false };
  }
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'MALFORMED_ANSWER', retry: false };
  const found = parsed.data.data.wlzIndicatie;
  if (found.length === 0) return { ok: false, error: 'INDICATIE_NOT_FOUND', retry: false };
  const [indicatie] = found;
  if (found.length > 1 || !indicatie || indicatie.wlzindicatieID.toLowerCase() !== wlzIndicatieId) return { ok: false, error: 'WRONG_INDICATIE', retry: false };
  if (indicatie.initieelVerantwoordelijkZorgkantoor !== uzovi) return { ok: false, error: 'ZORGKANTOOR_MISMATCH', retry: false };
  const bsn = normalizeBsn(indicatie.bsn);
  if (!bsn || !isValidBsn(bsn) || normalizeBsn(indicatie.client.bsn) !== bsn) return { ok: false, error: 'INVALID_BSN', retry: false };
  const pakket = currentPakket(indicatie.geindiceerdZorgzwaartepakket ?? [], today);
  const c = indicatie.client;
  return {
    ok: true,
    indicatie: {
      wlzIndicatieId,
      bsn,
      besluitnummer: indicatie.besluitnummer,
      afgiftedatum: indicatie.afgiftedatum,
      ingangsdatum: indicatie.ingangsdatum,
      einddatum: indicatie.einddatum ?? null,
      zorgprofiel: pakket?.zzpCode ?? null,
      leveringsvorm: leveringsvormOf(pakket?.voorkeurClient),
      client: {
        givenName: c.roepnaam || c.voornamen || c.voorletters || '-',
        namePrefix: c.voorvoegselGeslachtsnaam || null,
        familyName: c.geslachtsnaam,
        dateOfBirth: c.geboorteDatum,
      },
    },
  };
}
