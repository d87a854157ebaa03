/**
 * The Wlz code lists a service in the sociale kaart declares: leveringsvorm (iWlz COD578) and zorgprofiel (iWlz
 * COD163), with the iWlz code and the Dutch name of each. Free of dependencies, so the console can import it too.
 */
import type { WlzSector } from './codes.ts';

/**
 * Leveringsvorm, iWlz COD578: the code and the Leveringsvorm enum value (GraphQL, in the cases and sociale-kaart
 * subgraphs). The one list of leveringsvormen; everything below is derived from it.
 */
export const LEVERINGSVORMEN = {
  '2': 'PGB',
  '4': 'VERBLIJF',
  '5': 'VPT',
  '7': 'MPT',
  '8': 'DEELTIJDVERBLIJF',
  '9': 'VERKEERDE_BED',
} as const;
export type Leveringsvorm = (typeof LEVERINGSVORMEN)[keyof typeof LEVERINGSVORMEN];

/** The Dutch name a client reads. */
const LEVERINGSVORM_NAMES: Record<Leveringsvorm, string> = {
  PGB: 'Persoonsgebonden budget (pgb)',
  VERBLIJF: 'Verblijf in een instelling',
  VPT: 'Volledig pakket thuis (vpt)',
  MPT: 'Modulair pakket thuis (mpt)',
  DEELTIJDVERBLIJF: 'Deeltijdverblijf',
  VERKEERDE_BED: 'Verkeerde bed',
};

/** Each leveringsvorm with its COD578 code and Dutch name, in code order (integer keys enumerate ascending). */
export const LEVERINGSVORM_CODES: readonly { value: Leveringsvorm; code: string; label: string }[] = Object.entries(LEVERINGSVORMEN).map(([code, value]) => ({
  value,
  code,
  label: LEVERINGSVORM_NAMES[value],
}));

/** The Leveringsvorm values in COD578 code order. */
export const LEVERINGSVORM_VALUES: readonly Leveringsvorm[] = LEVERINGSVORM_CODES.map((l) => l.value);

export const isLeveringsvorm = (value: string): value is Leveringsvorm => (LEVERINGSVORM_VALUES as readonly string[]).includes(value);

/**
 * A zorgprofiel (zorgzwaartepakket) of the Wlz: `code` is the iWlz COD163 code, `name` the short name (5VV),
 * `label` the official Dutch description of COD163, `group` the kind of care (VV, GGZ-B, VG, ...).
 */
export interface Zorgprofiel {
  code: string;
  name: string;
  label: string;
  sector: WlzSector;
  group: string;
  /** No longer indicated (10VV since 2018); kept so older data stays readable. */
  expired: boolean;
}

const zp = (code: string, name: string, label: string, sector: WlzSector, group: string, expired = false): Zorgprofiel => ({
  code,
  name,
  label,
  sector,
  group,
  expired,
});

/** The zorgprofielen of COD163 that a service can deliver (not the technical codes 190/191 and 996–999). */
export const ZORGPROFIELEN: readonly Zorgprofiel[] = [
  zp('750', '1VV', 'Beschut wonen met enige begeleiding', 'VV', 'VV'),
  zp('751', '2VV', 'Beschut wonen met begeleiding en verzorging', 'VV', 'VV'),
  zp('752', '3VV', 'Beschut wonen met begeleiding en intensieve verzorging', 'VV', 'VV'),
  zp('753', '4VV', 'Beschut wonen met intensieve begeleiding en uitgebreide verzorging', 'VV', 'VV'),
  zp('754', '5VV', 'Beschermd wonen met intensieve dementiezorg', 'VV', 'VV'),
  zp('755', '6VV', 'Beschermd wonen met intensieve verzorging en verpleging', 'VV', 'VV'),
  zp('756', '7VV', 'Beschermd wonen met zeer intensieve zorg, vanwege specifieke aandoeningen, met nadruk op begeleiding', 'VV', 'VV'),
  zp('757', '8VV', 'Beschermd wonen met zeer intensieve zorg, vanwege specifieke aandoeningen, met de nadruk op verzorging/verpleging', 'VV', 'VV'),
  zp('758', '9VV', 'Herstelgerichte behandeling met verpleging en verzorging', 'VV', 'VV'),
  zp('759', '10VV', 'Beschermd verblijf met intensieve palliatief-terminale zorg', 'VV', 'VV', true),
  zp('760', '1GGZ C', 'Beschermd wonen met begeleiding', 'GGZ', 'GGZ-C'),
  zp('762', '2GGZ C', 'Gestructureerd beschermd wonen met uitgebreide begeleiding', 'GGZ', 'GGZ-C'),
  zp('764', '3GGZ C', 'Beschermd wonen met intensieve begeleiding', 'GGZ', 'GGZ-C'),
  zp('766', '4GGZ B', 'Voortgezet verblijf met intensieve begeleiding en verzorging', 'GGZ', 'GGZ-B'),
  zp('768', '5GGZ B', 'Voortgezet verblijf met intensieve begeleiding en gedragsregulering', 'GGZ', 'GGZ-B'),
  zp('770', '6GGZ B', 'Voortgezet verblijf met intensieve begeleiding en intensieve verpleging en verzorging', 'GGZ', 'GGZ-B'),
  zp('772', '7GGZ B', 'Beveiligd voortgezet verblijf vanwege extreme gedragsproblematiek met zeer intensieve begeleiding', 'GGZ', 'GGZ-B'),
  zp('780', '1LVG', 'Wonen met enige behandeling en begeleiding', 'GZ', 'LVG'),
  zp('781', '2LVG', 'Wonen met behandeling en begeleiding', 'GZ', 'LVG'),
  zp('782', '3LVG', 'Wonen met intensieve behandeling en begeleiding, kleine groep', 'GZ', 'LVG'),
  zp('783', '4LVG', 'Wonen met zeer intensieve behandeling en begeleiding', 'GZ', 'LVG'),
  zp('784', '5LVG', 'Besloten wonen met zeer intensieve behandeling en begeleiding', 'GZ', 'LVG'),
  zp('790', '1SGLVG', 'Behandeling in een SGLVG-behandelcentrum', 'GZ', 'SGLVG'),
  zp('800', '1VG', 'Wonen met enige begeleiding', 'GZ', 'VG'),
  zp('802', '2VG', 'Wonen met begeleiding', 'GZ', 'VG'),
  zp('804', '3VG', 'Wonen met begeleiding en verzorging', 'GZ', 'VG'),
  zp('806', '4VG', 'Wonen met begeleiding en intensieve verzorging', 'GZ', 'VG'),
  zp('808', '5VG', 'Wonen met intensieve begeleiding en intensieve verzorging', 'GZ', 'VG'),
  zp('810', '6VG', 'Wonen met intensieve begeleiding, verzorging en gedragsregulering', 'GZ', 'VG'),
  zp('812', '7VG', '(Besloten) wonen met zeer intensieve begeleiding, verzorging en gedragsregulering', 'GZ', 'VG'),
  zp('814', '8VG', 'Wonen met begeleiding en volledige verzorging en verpleging', 'GZ', 'VG'),
  zp('820', '1LG', 'Wonen met enige begeleiding en enige verzorging', 'GZ', 'LG'),
  zp('822', '2LG', 'Wonen met begeleiding en enige verzorging', 'GZ', 'LG'),
  zp('824', '3LG', 'Wonen met enige begeleiding en verzorging', 'GZ', 'LG'),
  zp('826', '4LG', 'Wonen met begeleiding en verzorging', 'GZ', 'LG'),
  zp('828', '5LG', 'Wonen met begeleiding en intensieve verzorging', 'GZ', 'LG'),
  zp('830', '6LG', 'Wonen met intensieve begeleiding en intensieve verzorging', 'GZ', 'LG'),
  zp('832', '7LG', 'Wonen met zeer intensieve begeleiding en zeer intensieve verzorging', 'GZ', 'LG'),
  zp('840', '1ZGvis', 'Wonen met enige begeleiding en enige verzorging', 'GZ', 'ZGvis'),
  zp('842', '2ZGvis', 'Wonen met begeleiding en enige verzorging', 'GZ', 'ZGvis'),
  zp('844', '3ZGvis', 'Wonen met intensieve begeleiding en verzorging', 'GZ', 'ZGvis'),
  zp('846', '4ZGvis', 'Wonen met intensieve begeleiding en intensieve verzorging', 'GZ', 'ZGvis'),
  zp('848', '5ZGvis', 'Wonen met zeer intensieve begeleiding en zeer intensieve verzorging', 'GZ', 'ZGvis'),
  zp('850', '1ZGaud', 'Wonen met begeleiding en enige verzorging', 'GZ', 'ZGaud'),
  zp('852', '2ZGaud', 'Wonen met intensieve begeleiding en verzorging', 'GZ', 'ZGaud'),
  zp('854', '3ZGaud', 'Wonen met intensieve begeleiding en intensieve verzorging', 'GZ', 'ZGaud'),
  zp('856', '4ZGaud', 'Wonen met intensieve begeleiding en enige verzorging', 'GZ', 'ZGaud'),
  zp('860', '1GGZ B', 'Voortgezet verblijf met begeleiding', 'GGZ', 'GGZ-B'),
  zp('862', '2GGZ B', 'Voortgezet verblijf met structuur en uitgebreide begeleiding', 'GGZ', 'GGZ-B'),
  zp('864', '3GGZ B', 'Voortgezet verblijf met intensieve begeleiding', 'GGZ', 'GGZ-B'),
  zp('866', '4GGZ C', 'Gestructureerd beschermd wonen met intensieve begeleiding en verzorging', 'GGZ', 'GGZ-C'),
  zp('868', '5GGZ C', 'Beschermd wonen met intensieve begeleiding en gedragsregulering', 'GGZ', 'GGZ-C'),
  zp('870', '6GGZ C', 'Beschermd wonen met intensieve begeleiding en intensieve verpleging en verzorging', 'GGZ', 'GGZ-C'),
  zp('880', '1GGZ W', 'Wonen met intensieve begeleiding', 'GGZ', 'GGZ-W'),
  zp('882', '2GGZ W', 'Wonen met intensieve begeleiding en verzorging', 'GGZ', 'GGZ-W'),
  zp('884', '3GGZ W', 'Wonen met intensieve begeleiding en gedragsregulering', 'GGZ', 'GGZ-W'),
  zp('886', '4GGZ W', 'Wonen met intensieve begeleiding en intensieve verpleging en verzorging', 'GGZ', 'GGZ-W'),
  zp('888', '5GGZ W', 'Beveiligd wonen vanwege extreme gedragsproblematiek met zeer intensieve begeleiding', 'GGZ', 'GGZ-W'),
];

const ZORGPROFIEL_BY_CODE = new Map(ZORGPROFIELEN.map((z) => [z.code, z]));
export const findZorgprofiel = (code: string): Zorgprofiel | undefined => ZORGPROFIEL_BY_CODE.get(code);
export const isZorgprofielCode = (code: string): boolean => ZORGPROFIEL_BY_CODE.has(code);

/** The COD578 code of a leveringsvorm ('VPT' → '5'). */
export const leveringsvormCode = (value: string): string => LEVERINGSVORM_CODES.find((l) => l.value === value)?.code ?? value;
