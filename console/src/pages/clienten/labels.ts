/** Dutch words for the codes of the client pages, with a short plain explanation where the word is jargon. */

export const TRAJECTORY_STATUS_LABELS: Record<string, string> = { OPEN: 'Loopt', CLOSED: 'Afgesloten' };

export const JOURNEY_PHASE_LABELS: Record<string, string> = {
  BEFORE_INDICATION: 'Vóór de indicatie',
  AFTER_INDICATION: 'Na de indicatie, zorg nog niet begonnen',
  IN_CARE: 'Krijgt zorg',
  AFTER_CARE: 'Zorg is afgelopen',
};

export const CLOSE_REASON_LABELS: Record<string, string> = {
  GOALS_REACHED: 'De vraag is beantwoord, de doelen zijn bereikt',
  HANDED_OVER: 'Een andere organisatie gaat verder (na warme overdracht)',
  CLIENT_WITHDREW: 'De cliënt wil geen ondersteuning meer',
  MOVED: 'De cliënt is verhuisd naar een ander gebied',
  DECEASED: 'De cliënt is overleden',
  OTHER: 'Een andere reden',
};

export const GOAL_STATUS_LABELS: Record<string, string> = {
  OPEN: 'Nog niet begonnen',
  IN_PROGRESS: 'Mee bezig',
  ACHIEVED: 'Bereikt',
  DROPPED: 'Gestopt of niet meer nodig',
};

export const CONTACT_CHANNEL_LABELS: Record<string, string> = {
  PHONE: 'Telefoon',
  EMAIL: 'E-mail',
  POST: 'Post',
  IN_PERSON: 'Persoonlijk gesprek',
  DO_NOT_CONTACT: 'Wil niet benaderd worden',
};

export const NETWORK_ROLE_LABELS: Record<string, string> = {
  MANTELZORGER: 'Mantelzorger',
  WETTELIJK_VERTEGENWOORDIGER: 'Wettelijk vertegenwoordiger',
  FAMILY: 'Familie',
  OTHER: 'Iemand anders',
};

export const CONSENT_STATUS_LABELS: Record<string, string> = {
  ACTIVE: 'Geldig',
  PENDING: 'Nog niet geldig',
  EXPIRED: 'Verlopen',
  REVOKED: 'Ingetrokken',
};

export const CONSENT_GIVER_LABELS: Record<string, string> = { CLIENT: 'De cliënt zelf', REPRESENTATIVE: 'Een vertegenwoordiger van de cliënt' };

export const CONSENT_RECORDING_LABELS: Record<string, string> = {
  WRITTEN: 'Op papier, ondertekend',
  VERBAL: 'Mondeling, door u genoteerd',
  DIGITAL: 'Digitaal, door de cliënt zelf',
};

/** The data categories of a consent, in plain words: what they hold. */
export const CATEGORY_EXPLANATIONS: Record<string, { name: string; holds: string }> = {
  IDENTITY: { name: 'Wie de cliënt is', holds: 'BSN, naam, geboortedatum en woongemeente.' },
  CONTACT: { name: 'Contactgegevens', holds: 'Telefoon, e-mail, adres en hoe de cliënt benaderd wil worden.' },
  QUESTION: { name: 'De hulpvraag', holds: 'De vraag van de cliënt in eigen woorden, de leefgebieden en de doelgroep.' },
  PLAN: { name: 'Plan en doelen', holds: 'Het persoonlijk plan, de doelen en wat de ondersteuning opleverde.' },
  NETWORK: { name: 'Het netwerk', holds: 'Mantelzorgers, familie en de wettelijk vertegenwoordiger.' },
  CONTACT_MOMENTS: { name: 'Contactmomenten', holds: 'Wanneer er contact was met de cliënt en een korte samenvatting.' },
  HANDOVER: {
    name: 'Gegevens voor de overdracht',
    holds: 'Welke organisatie helpt, onder welke wet, de fase, de cliëntondersteuner, de vormen van ondersteuning en de Wlz-indicatie.',
  },
};

/** The purposes of a consent (doelbinding), in plain words. */
export const PURPOSE_EXPLANATIONS: Record<string, { name: string; means: string }> = {
  INTEGRATED_SUPPORT: {
    name: 'Samen ondersteunen',
    means: 'De gemeente (Wmo) en het zorgkantoor (Wlz) helpen de cliënt samen en mogen daarvoor gegevens van elkaar zien.',
  },
  WARM_HANDOVER: { name: 'Warme overdracht', means: 'Een andere organisatie neemt de ondersteuning over en krijgt daarvoor de nodige gegevens.' },
  CARE_MEDIATION: { name: 'Zorgbemiddeling', means: 'Het zorgkantoor zoekt een passende zorgaanbieder of plek voor de cliënt.' },
  PRIVACY_REQUEST: { name: 'Privacyverzoek', means: 'De cliënt wil zelf weten welke gegevens er zijn, of wil ze laten aanpassen.' },
};

/** Which fields of a trajectory belong to which data category, in the order the client page shows them. */
export const TRAJECTORY_CATEGORIES: readonly { category: string; fields: readonly string[] }[] = [
  { category: 'HANDOVER', fields: ['organization', 'legalDomain', 'journeyPhase', 'counsellor', 'supportForms', 'wlz', 'closeReason'] },
  { category: 'QUESTION', fields: ['hulpvraag', 'lifeDomains', 'targetGroups'] },
  { category: 'PLAN', fields: ['plan', 'goals'] },
  { category: 'CONTACT_MOMENTS', fields: ['contactMoments'] },
];

export interface PersonNameParts {
  givenName: string;
  namePrefix: string | null;
  familyName: string;
}

export const fullName = (name: PersonNameParts | null | undefined): string | undefined =>
  name ? [name.givenName, name.namePrefix, name.familyName].filter(Boolean).join(' ') : undefined;

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));
