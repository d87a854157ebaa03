import { bsnCheckDigit } from './bsn.ts';
import type { CLIENT_ROLE, MachtigingScope, OrganizationType, Role } from './codes.ts';
import { deterministicUuid } from './ids.ts';

/**
 * Ids of the demo organisations. The sociale kaart demo data creates them; start-up prints tokens
 * for them; tests and journeys address them. Deterministic, so they are the same everywhere.
 */
export const demoIds = {
  gemeenteOrganization: (gemeenteCode: string) => deterministicUuid('hub-demo-organization', `gemeente:${gemeenteCode}`),
  zorgkantoorOrganization: (regionCode: string) => deterministicUuid('hub-demo-organization', `zorgkantoor:${regionCode}`),
  ocoOrganization: (index: number) => deterministicUuid('hub-demo-organization', `oco:${index}`),
  providerOrganization: (index: number) => deterministicUuid('hub-demo-organization', `provider:${index}`),
  welzijnOrganization: (gemeenteCode: string) => deterministicUuid('hub-demo-organization', `welzijn:${gemeenteCode}`),
};

export interface DemoProfessional {
  /** What this identity is for, shown at start-up. */
  label: string;
  subject: string;
  name: string;
  organizationId: string;
  organizationType: OrganizationType;
  roles: Role[];
  gemeenteCode?: string;
  zorgkantoorregio?: string;
  /** Work e-mail address (the token's `email` claim): notification e-mails go here (a reserved .example domain). */
  email: string;
}

/** A demo client signing in as themselves (in production: DigiD through an OpenID Connect broker). */
export interface DemoClient {
  label: string;
  subject: string;
  name: string;
  roles: [typeof CLIENT_ROLE];
  /** The client's own BSN (a fictional test number of the demo data). */
  bsn: string;
  /** Present when the identity is a representative acting under a machtiging. */
  machtiging?: { bsn: string; scope: MachtigingScope[] };
}

export type DemoPrincipal = DemoProfessional | DemoClient;

export const isDemoClient = (p: DemoPrincipal): p is DemoClient => 'bsn' in p;

/**
 * The n-th 9-digit number 9999xxxxx that passes the elfproef: the demo clients' BSNs (the range kept for test persons).
 */
export function demoBsn(n: number): string {
  let found = -1;
  for (let candidate = 0; candidate < 100_000; candidate++) {
    const first8 = `9999${String(candidate).padStart(4, '0')}`;
    const check = bsnCheckDigit(first8);
    if (check === null) continue;
    found++;
    if (found === n) return `${first8}${check}`;
  }
  throw new Error('demo BSN range exhausted');
}

/**
 * The demo client who signs in as themselves: Anna Demohuis, demo client 0 of the cases demo data, with a Wmo
 * trajectory at gemeente Amsterdam and a Wlz trajectory at zorgkantoor Amsterdam (ZK02).
 */
export const DEMO_CLIENT: DemoClient = {
  label: 'cliënt (DigiD, demo)',
  subject: 'demo-client-anna',
  name: 'Anna Demohuis',
  roles: ['CLIENT'],
  bsn: demoBsn(0),
};

/** One identity per demo role, around Amsterdam (GM0363, ZK02) and Twente (ZK22). */
export const DEMO_PROFESSIONALS: DemoProfessional[] = [
  {
    label: 'toegangsteam Amsterdam',
    subject: 'demo-toegang-amsterdam',
    name: 'Sanne de Vries',
    email: 'sanne.de.vries@demo.example',
    organizationId: demoIds.gemeenteOrganization('GM0363'),
    organizationType: 'GEMEENTE',
    roles: ['TOEGANG'],
    gemeenteCode: 'GM0363',
  },
  {
    label: 'cliëntondersteuner gemeente Amsterdam (Wmo)',
    subject: 'demo-co-amsterdam',
    name: 'Mohammed El Amrani',
    email: 'mohammed.el.amrani@demo.example',
    organizationId: demoIds.gemeenteOrganization('GM0363'),
    organizationType: 'GEMEENTE',
    roles: ['CLIENTONDERSTEUNER'],
    gemeenteCode: 'GM0363',
  },
  {
    label: 'klantadviseur zorgkantoor Amsterdam (Wlz)',
    subject: 'demo-zorgbemiddelaar-zk02',
    name: 'Petra Jansen',
    email: 'petra.jansen@demo.example',
    organizationId: demoIds.zorgkantoorOrganization('ZK02'),
    organizationType: 'ZORGKANTOOR',
    roles: ['ZORGBEMIDDELAAR', 'CLIENTONDERSTEUNER'],
    zorgkantoorregio: 'ZK02',
  },
  {
    label: 'cliëntondersteuner OCO',
    subject: 'demo-co-oco',
    name: 'Ellen Bakker',
    email: 'ellen.bakker@demo.example',
    organizationId: demoIds.ocoOrganization(0),
    organizationType: 'OCO',
    roles: ['CLIENTONDERSTEUNER'],
  },
  {
    label: 'vrijwillige cliëntondersteuner Welzijn Amsterdam',
    subject: 'demo-vrijwilliger-amsterdam',
    name: 'Bram Hendriks',
    email: 'bram.hendriks@demo.example',
    organizationId: demoIds.welzijnOrganization('GM0363'),
    organizationType: 'WELZIJN',
    roles: ['CLIENTONDERSTEUNER'],
    gemeenteCode: 'GM0363',
  },
  {
    label: 'beheerder sociale kaart OCO',
    subject: 'demo-beheerder-oco',
    name: 'Joost Smit',
    email: 'joost.smit@demo.example',
    organizationId: demoIds.ocoOrganization(0),
    organizationType: 'OCO',
    roles: ['BEHEERDER'],
  },
  {
    label: 'overlegtafel Twente (zorgkantoor)',
    subject: 'demo-overlegtafel-zk22',
    name: 'Anouk Mulder',
    email: 'anouk.mulder@demo.example',
    organizationId: demoIds.zorgkantoorOrganization('ZK22'),
    organizationType: 'ZORGKANTOOR',
    roles: ['OVERLEGTAFEL', 'ZORGBEMIDDELAAR'],
    zorgkantoorregio: 'ZK22',
  },
  {
    label: 'privacy officer gemeente Amsterdam',
    subject: 'demo-privacy-amsterdam',
    name: 'Karin Visser',
    email: 'karin.visser@demo.example',
    organizationId: demoIds.gemeenteOrganization('GM0363'),
    organizationType: 'GEMEENTE',
    roles: ['PRIVACY_OFFICER'],
    gemeenteCode: 'GM0363',
  },
  {
    label: 'beleidsmedewerker gemeente Amsterdam (opdrachtgever)',
    subject: 'demo-beleid-amsterdam',
    name: 'Ruben de Boer',
    email: 'ruben.de.boer@demo.example',
    organizationId: demoIds.gemeenteOrganization('GM0363'),
    organizationType: 'GEMEENTE',
    roles: ['BELEIDSMEDEWERKER'],
    gemeenteCode: 'GM0363',
  },
  {
    label: 'beleidsmedewerker OCO (halfjaarrapportage)',
    subject: 'demo-beleid-oco',
    name: 'Lotte Vermeulen',
    email: 'lotte.vermeulen@demo.example',
    organizationId: demoIds.ocoOrganization(0),
    organizationType: 'OCO',
    roles: ['BELEIDSMEDEWERKER'],
  },
  {
    label: 'privacy officer OCO',
    subject: 'demo-privacy-oco',
    name: 'Fatima Yilmaz',
    email: 'fatima.yilmaz@demo.example',
    organizationId: demoIds.ocoOrganization(0),
    organizationType: 'OCO',
    roles: ['PRIVACY_OFFICER'],
  },
];

/** Every demo identity the development sign-in offers: the professionals and the demo client. */
export const DEMO_PRINCIPALS: DemoPrincipal[] = [...DEMO_PROFESSIONALS, DEMO_CLIENT];
