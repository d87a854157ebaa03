import { DEMO_FAMILY_NAMES, DEMO_GIVEN_NAMES } from '../../subgraphs/cases/src/demo-data.ts';
import type { HandoverSummary } from '../../subgraphs/referrals/src/db/schema.ts';

/**
 * Free text of the benchmark data. Names are obviously invented (like the cases demo data); the texts carry no
 * personal data, so the same lists serve records that may hold it and signals that must not.
 */

export const GIVEN_NAMES = [
  ...DEMO_GIVEN_NAMES,
  'Ruben',
  'Saskia',
  'Thijs',
  'Ursula',
  'Vincent',
  'Wendy',
  'Youssef',
  'Zoë',
  'Aylin',
  'Bart',
  'Cor',
  'Dewi',
  'Emre',
  'Femke',
  'Geert',
  'Hilde',
];

export const FAMILY_NAMES: [string | null, string][] = [
  ...DEMO_FAMILY_NAMES,
  ['de', 'Nepper'],
  [null, 'Bedenkers'],
  ['van', 'Denkbeeldig'],
  [null, 'Probeersma'],
];

export const WMO_QUESTIONS = [
  'Ik wil langer thuis blijven wonen en weet niet welke hulp er is.',
  'Ik heb hulp nodig bij het huishouden sinds mijn operatie.',
  'Mijn administratie groeit me boven het hoofd.',
  'Ik zoek dagbesteding en wat meer contact met anderen.',
  'Mijn moeder wordt vergeetachtig; hoe regelen we ondersteuning?',
  'Ik wil weten welke voorzieningen er zijn voor vervoer.',
  'Ik zorg voor mijn partner en raak zelf overbelast.',
  'Ik zoek een passende woning met begeleiding.',
  'Ik wil bezwaar maken tegen de beschikking van de gemeente.',
  'Ik word binnenkort achttien en mijn jeugdhulp stopt.',
];

export const WLZ_QUESTIONS = [
  'Ik heb een Wlz-indicatie en zoek een passende plek.',
  'Welke zorgaanbieder past bij mijn wensen en mijn indicatie?',
  'Ik wil met een volledig pakket thuis blijven wonen.',
  'Het zorgplan moet worden bijgesteld na de herindicatie.',
  'De zorg wordt niet geleverd zoals afgesproken.',
];

export const PLANS = [
  'Zo lang mogelijk zelfstandig wonen, met hulp van familie.',
  'Eerst de geldzaken op orde, daarna werken aan dagbesteding.',
  'Mantelzorger ontlasten met respijtzorg en een maatje.',
  'Samen met het netwerk een persoonlijk plan opstellen.',
];

export const GOALS = [
  'Weten welke ondersteuning past',
  'Zelfstandig de administratie bijhouden',
  'Twee dagdelen per week dagbesteding',
  'Mantelzorger houdt het vol',
  'Passende woonplek gevonden',
];

export const CONTACT_SUMMARIES = [
  'Kennismaking; hulpvraag besproken.',
  'Telefonisch contact over de voortgang.',
  'Huisbezoek samen met de mantelzorger.',
  'Keukentafelgesprek voorbereid.',
  'Afspraken uit het plan doorgenomen.',
  'Contact met de zorgaanbieder over een plek.',
];

export const REJECTION_NOTES = [
  'Geen plek binnen de gestelde termijn.',
  'Valt buiten onze doelgroep.',
  'Graag aanvullende informatie over de hulpvraag.',
  'Cliënt wil eerst zelf nadenken.',
];

export const CANCEL_NOTES = ['Hulpvraag is vervallen.', 'Cliënt is verhuisd.', 'Dubbel aangemaakt.'];

export const MEETING_NOTES = ['Overdracht besproken met cliënt en netwerk.', 'Vervolggesprek nodig over de woonwensen.', 'Cliënt wil nog geen overdracht.'];

export function referralQuestion(kind: 'WMO_TO_WLZ' | 'TO_OCO'): string {
  return kind === 'WMO_TO_WLZ'
    ? 'Graag Wlz-cliëntondersteuning bij het kiezen van een zorgaanbieder en het zorgplan.'
    : 'Graag onafhankelijke cliëntondersteuning bij het persoonlijk plan.';
}

const SITUATIONS = [
  'Woont alleen, zorgbehoefte neemt toe; thuiszorg is niet meer voldoende.',
  'Woont met partner die de zorg niet meer volhoudt.',
  'Woont in een begeleide woonvorm; de begeleiding schiet tekort.',
  'Verblijft tijdelijk bij familie na een ziekenhuisopname.',
];

/** A handover summary with all eight parts, as the referrals subgraph requires. */
export function handoverSummary(kind: 'WMO_TO_WLZ' | 'TO_OCO', variant: number): HandoverSummary {
  return {
    situation: SITUATIONS[variant % SITUATIONS.length] ?? 'Geen bijzonderheden.',
    question: referralQuestion(kind),
    whatWasDone:
      kind === 'WMO_TO_WLZ'
        ? 'Wmo-ondersteuning thuis; Wlz-indicatie is aangevraagd en afgegeven.'
        : 'Keukentafelgesprek gevoerd; hulpvraag in kaart gebracht.',
    agreements: 'Cliënt is akkoord met de overdracht; de ontvanger neemt binnen de termijn contact op.',
    openActions: variant % 3 === 0 ? 'Geen.' : 'Afspraak voor een kennismaking plannen.',
    network: variant % 2 === 0 ? 'Dochter is mantelzorger en wil betrokken blijven.' : 'Klein netwerk; buurvrouw helpt af en toe.',
    risks: variant % 4 === 1 ? 'Valrisico; overbelaste mantelzorger.' : 'Geen bijzondere risico’s bekend.',
    clientWishes: 'Zo dicht mogelijk bij de eigen buurt blijven.',
  };
}
