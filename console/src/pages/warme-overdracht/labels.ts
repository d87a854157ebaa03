/** Dutch names for the codes of the warme overdracht (referrals subgraph), and the small rules the pages share. */

export const REFERRAL_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'Concept',
  REQUESTED: 'Wacht op antwoord',
  ACCEPTED: 'Geaccepteerd',
  REJECTED: 'Afgewezen',
  CANCELLED: 'Ingetrokken',
  IN_PROGRESS: 'Bezig',
  ON_HOLD: 'Gepauzeerd',
  COMPLETED: 'Afgerond',
  FAILED: 'Niet gelukt',
  ENTERED_IN_ERROR: 'Per ongeluk gemaakt',
};

export const REFERRAL_KIND_LABELS: Record<string, string> = {
  WMO_TO_WLZ: 'Van Wmo naar Wlz',
  WLZ_TO_WMO: 'Van Wlz naar Wmo',
  TO_OCO: 'Naar onafhankelijke cliëntondersteuning',
  TO_SERVICE: 'Naar een dienst',
  OTHER: 'Andere overdracht',
  INFORMAL_TO_FORMAL: 'Lichte overdracht (vrijwilliger haalt professional erbij)',
};

export const URGENCY_LABELS: Record<string, string> = {
  ROUTINE: 'Gewoon',
  URGENT: 'Snel',
  ASAP: 'Zo snel mogelijk',
};

export const REJECTION_REASON_LABELS: Record<string, string> = {
  NO_CAPACITY: 'Geen plek vrij',
  NO_FUNDS: 'Geen budget',
  WAITLIST: 'Alleen een plek op de wachtlijst',
  NOT_ELIGIBLE: 'De cliënt voldoet niet aan de voorwaarden',
  OUT_OF_AREA: 'De cliënt woont buiten ons gebied',
  NO_FITTING_OFFER: 'Wij hebben geen passende hulp',
  MISSING_INFORMATION: 'Er ontbreekt informatie',
  CLIENT_DECLINED: 'De cliënt wil het niet',
  COULD_NOT_CONTACT: 'Wij konden de cliënt niet bereiken',
  OTHER: 'Een andere reden (leg uit in de toelichting)',
};

export const PARTICIPANT_LABELS: Record<string, string> = {
  CLIENT: 'De cliënt',
  NETWORK_MEMBER: 'Iemand uit het netwerk van de cliënt',
  SENDER: 'De verwijzer (wie overdraagt)',
  RECEIVER: 'De nieuwe ondersteuner (wie overneemt)',
};

export const OUTCOME_LABELS: Record<string, string> = {
  HANDOVER_AGREED: 'Afgesproken: de nieuwe ondersteuner neemt het over',
  FOLLOW_UP_NEEDED: 'Er is nog een gesprek nodig',
  CLIENT_DECLINED: 'De cliënt wil de overdracht niet',
  NOT_HELD: 'Het gesprek is niet doorgegaan',
};

export const ACTION_LABELS: Record<string, string> = {
  CREATE: 'Overdracht gemaakt',
  SEND: 'Verstuurd',
  ACCEPT: 'Geaccepteerd',
  REJECT: 'Afgewezen',
  CANCEL: 'Ingetrokken',
  START: 'Ondersteuning begonnen',
  HOLD: 'Gepauzeerd',
  RESUME: 'Weer verder',
  COMPLETE: 'Afgerond',
  FAIL: 'Niet gelukt',
  MARK_ENTERED_IN_ERROR: 'Per ongeluk gemaakt',
  RELEASE: 'Vrijgegeven',
  PLAN_JOINT_MEETING: 'Driegesprek gepland',
  RECORD_JOINT_MEETING_OUTCOME: 'Driegesprek vastgelegd',
  SET_REGIEHOUDER: 'Regie gewijzigd',
  OVERDUE: 'Termijn verstreken',
  ESCALATED: 'Gemeld bij de coördinatoren',
};

export const REGIE_LABELS: Record<string, string> = {
  SENDER: 'De verwijzer houdt de regie',
  RECEIVER: 'De nieuwe ondersteuner neemt de regie over',
};

/** The kind of handover follows from who sends to whom. */
export function kindFor(senderType: string, receiverType: string): 'WMO_TO_WLZ' | 'WLZ_TO_WMO' | 'TO_OCO' | 'OTHER' {
  if (receiverType === 'OCO') return 'TO_OCO';
  if (senderType === 'GEMEENTE' && receiverType === 'ZORGKANTOOR') return 'WMO_TO_WLZ';
  if (senderType === 'ZORGKANTOOR' && receiverType === 'GEMEENTE') return 'WLZ_TO_WMO';
  return 'OTHER';
}

export type DeadlineBadge = { kind: 'late' | 'soon'; text: string } | null;

const DAY_MS = 86_400_000;

/**
 * The deadline badge of a handover in a list: "te laat" when the hub says a deadline passed, "binnenkort" when the
 * answer (REQUESTED) or the start (ACCEPTED) is due within two days. `today` is YYYY-MM-DD.
 */
export function deadlineBadge(r: { status: string; overdue: boolean; respondBy: string | null; startBy: string | null }, today: string): DeadlineBadge {
  if (r.overdue) return { kind: 'late', text: 'Te laat' };
  const due = r.status === 'REQUESTED' ? r.respondBy : r.status === 'ACCEPTED' ? r.startBy : null;
  if (!due) return null;
  const days = Math.round((Date.parse(due) - Date.parse(today)) / DAY_MS);
  if (days < 0) return { kind: 'late', text: 'Te laat' };
  if (days <= 2) return { kind: 'soon', text: 'Binnenkort' };
  return null;
}

/** Today's date in the Netherlands, YYYY-MM-DD (deadlines are Dutch calendar days). */
export const todayInNl = (now = new Date()): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(now);

export interface ConsentForCheck {
  id: string;
  status: string;
  purpose: string;
  categories: readonly string[];
  receivingOrganization: { id: string } | null;
  receivingOrganizationType: string | null;
  receivingRegionCode: string | null;
  recordedByOrganization: { id: string };
}

export interface ReceiverForCheck {
  id: string;
  type: string;
  gemeente: { code: string } | null;
  zorgkantoorregio: { code: string } | null;
}

export interface ConsentCheck {
  /** Sending is possible: an active consent for warme overdracht that covers the handover data. */
  canSend: boolean;
  consentId: string | undefined;
  /** Whether the receiver will also see the client's question (hulpvraag). */
  questionShared: boolean;
  /** What is missing, in plain words; empty when everything is there. */
  missing: string[];
}

function addresses(c: ConsentForCheck, receiver: ReceiverForCheck): boolean {
  if (c.receivingOrganization) return c.receivingOrganization.id === receiver.id;
  if (!c.receivingOrganizationType || c.receivingOrganizationType !== receiver.type) return false;
  return c.receivingRegionCode === receiver.gemeente?.code || c.receivingRegionCode === receiver.zorgkantoorregio?.code;
}

/**
 * The hub's rule for sending (docs/referrals.md, "Consent and the access log"): a consent the sending organisation
 * recorded, addressed to the receiver, active, for warme overdracht, covering HANDOVER. The hub checks it again when
 * sending; this check only tells the user beforehand what is missing.
 */
export function checkHandoverConsent(consents: readonly ConsentForCheck[], senderOrganizationId: string, receiver: ReceiverForCheck): ConsentCheck {
  const forReceiver = consents.filter((c) => c.recordedByOrganization.id === senderOrganizationId && addresses(c, receiver));
  const usable = forReceiver.filter((c) => c.status === 'ACTIVE' && c.purpose === 'WARM_HANDOVER');
  const full = usable.find((c) => c.categories.includes('HANDOVER'));
  const questionShared = full?.categories.includes('QUESTION') ?? false;
  const missing: string[] = [];
  if (!full) {
    if (forReceiver.length === 0) missing.push('Er is geen toestemming van de cliënt vastgelegd voor deze ontvanger.');
    else if (usable.length > 0) missing.push('De toestemming geldt niet voor de gegevens van de overdracht.');
    else if (forReceiver.some((c) => c.status === 'ACTIVE'))
      missing.push('Er is wel toestemming voor deze ontvanger, maar voor een ander doel dan warme overdracht.');
    else if (forReceiver.some((c) => c.status === 'REVOKED')) missing.push('De cliënt heeft de toestemming voor deze ontvanger ingetrokken.');
    else if (forReceiver.some((c) => c.status === 'EXPIRED')) missing.push('De toestemming voor deze ontvanger is verlopen.');
    else missing.push('De toestemming voor deze ontvanger geldt nog niet.');
  }
  return { canSend: Boolean(full), consentId: full?.id, questionShared, missing };
}
