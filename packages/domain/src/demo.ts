import type { OrganizationType, Role } from './codes.ts';
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

export interface DemoPrincipal {
  /** What this identity is for, shown at start-up. */
  label: string;
  subject: string;
  name: string;
  organizationId: string;
  organizationType: OrganizationType;
  roles: Role[];
  gemeenteCode?: string;
  zorgkantoorregio?: string;
}

/** One identity per demo role, around Amsterdam (GM0363, ZK02) and Twente (ZK22). */
export const DEMO_PRINCIPALS: DemoPrincipal[] = [
  {
    label: 'toegangsteam Amsterdam',
    subject: 'demo-toegang-amsterdam',
    name: 'Sanne de Vries',
    organizationId: demoIds.gemeenteOrganization('GM0363'),
    organizationType: 'GEMEENTE',
    roles: ['TOEGANG'],
    gemeenteCode: 'GM0363',
  },
  {
    label: 'cliëntondersteuner gemeente Amsterdam (Wmo)',
    subject: 'demo-co-amsterdam',
    name: 'Mohammed El Amrani',
    organizationId: demoIds.gemeenteOrganization('GM0363'),
    organizationType: 'GEMEENTE',
    roles: ['CLIENTONDERSTEUNER'],
    gemeenteCode: 'GM0363',
  },
  {
    label: 'klantadviseur zorgkantoor Amsterdam (Wlz)',
    subject: 'demo-zorgbemiddelaar-zk02',
    name: 'Petra Jansen',
    organizationId: demoIds.zorgkantoorOrganization('ZK02'),
    organizationType: 'ZORGKANTOOR',
    roles: ['ZORGBEMIDDELAAR', 'CLIENTONDERSTEUNER'],
    zorgkantoorregio: 'ZK02',
  },
  {
    label: 'cliëntondersteuner OCO',
    subject: 'demo-co-oco',
    name: 'Ellen Bakker',
    organizationId: demoIds.ocoOrganization(0),
    organizationType: 'OCO',
    roles: ['CLIENTONDERSTEUNER'],
  },
  {
    label: 'beheerder sociale kaart OCO',
    subject: 'demo-beheerder-oco',
    name: 'Joost Smit',
    organizationId: demoIds.ocoOrganization(0),
    organizationType: 'OCO',
    roles: ['BEHEERDER'],
  },
  {
    label: 'overlegtafel Twente (zorgkantoor)',
    subject: 'demo-overlegtafel-zk22',
    name: 'Anouk Mulder',
    organizationId: demoIds.zorgkantoorOrganization('ZK22'),
    organizationType: 'ZORGKANTOOR',
    roles: ['OVERLEGTAFEL', 'ZORGBEMIDDELAAR'],
    zorgkantoorregio: 'ZK22',
  },
  {
    label: 'privacy officer gemeente Amsterdam',
    subject: 'demo-privacy-amsterdam',
    name: 'Karin Visser',
    organizationId: demoIds.gemeenteOrganization('GM0363'),
    organizationType: 'GEMEENTE',
    roles: ['PRIVACY_OFFICER'],
    gemeenteCode: 'GM0363',
  },
];
