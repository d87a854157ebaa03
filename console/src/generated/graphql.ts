/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Accepting a referral. */
export type AcceptReferralInput = {
  /** The version you last saw. */
  expectedVersion: number;
  /** The referral. */
  id: string | number;
  /** A note for the timeline. */
  note?: string | null | undefined;
  /** Who takes the client on; default the professional named by the sender, or you. */
  professional?: ProfessionalInput | null | undefined;
};

/** NEN 7513 action of an access-log line. */
export type AccessAction =
  /** Personal data was created. */
  | 'CREATE'
  /** Personal data was deleted. */
  | 'DELETE'
  /** Personal data was exported. */
  | 'EXPORT'
  /** Personal data was read. */
  | 'READ'
  /** A search for a client (e.g. by BSN). */
  | 'SEARCH'
  /** Personal data was changed. */
  | 'UPDATE';

/** Outcome of an access: allowed, or refused (the reason is in outcomeReason). */
export type AccessOutcome =
  /** The access was allowed. */
  | 'GRANTED'
  /** The access was refused; outcomeReason says why. */
  | 'REFUSED';

/** State of an action: OPEN until its owning organisation reports it DONE. */
export type ActionStatus =
  /** Reported done. */
  | 'DONE'
  /** Not done yet. */
  | 'OPEN';

/** An action on a knelpunt. */
export type AddActionInput = {
  /** What will be done (1–2000 characters), without personal data. */
  description: string;
  /** Due date, not in the past. */
  dueOn: string;
  /** The knelpunt. */
  knelpuntId: string | number;
  /** The organisation that owns the action. */
  ownerOrganizationId: string | number;
};

/** Feedback to the reporters of a knelpunt's signals. */
export type AddKnelpuntFeedbackInput = {
  /** The knelpunt whose reporters get the feedback. */
  knelpuntId: string | number;
  /** The message (1–4000 characters), without personal data: it passes the privacy guard. */
  text: string;
};

/** Signals to add to a knelpunt. */
export type AddSignalsToKnelpuntInput = {
  /** The knelpunt; it must not be final (RESOLVED or NOT_RESOLVABLE). */
  knelpuntId: string | number;
  /** Signals of the knelpunt's region (1–500 ids), none of them in another knelpunt. */
  signalIds: Array<string | number>;
};

/** Age bands of the clients a signal concerns (never a date of birth): 0–17, 18–26, 27–64, 65–79, 80 and over. */
export type AgeBand =
  /** 0 to 17 years. */
  | 'AGE_0_17'
  /** 18 to 26 years. */
  | 'AGE_18_26'
  /** 27 to 64 years. */
  | 'AGE_27_64'
  /** 65 to 79 years. */
  | 'AGE_65_79'
  /** 80 years and over. */
  | 'AGE_80_PLUS';

/** An answer to an open consultation. */
export type AnswerConsultationInput = {
  /** The advice: 1 to 4000 characters, through the privacy guard. */
  answer: string;
  /** The version you read; a stale one is CONFLICT and changes nothing. */
  expectedVersion: number;
  /** The consultation (UUID). */
  id: string | number;
};

/** Answer a handover through its link. */
export type AnswerHandoverByLinkInput = {
  /** True to accept, false to reject. */
  accept: boolean;
  /** Required when rejecting. */
  reason?: LightRejectionReason | null | undefined;
  /** The token from the link. */
  token: string;
};

/** How the service area is given: GEMEENTEN (listed gemeenten), REGIONAL (whole zorgkantoorregio's) or NATIONAL. */
export type AreaScope =
  /** The listed gemeenten. */
  | 'GEMEENTEN'
  /** The whole country. */
  | 'NATIONAL'
  /** Whole zorgkantoorregio's. */
  | 'REGIONAL';

/** What to ask, and of whom. */
export type AskConsultationInput = {
  /** The law the help in question falls under. */
  legalDomain?: LegalDomain | null | undefined;
  /** The life domains the question is about; at most 9, duplicates ignored. */
  lifeDomains?: Array<LifeDomain> | null | undefined;
  /** The question: 20 to 4000 characters and at least 3 words, about the situation, never naming the client (no BSN, name, address, phone, e-mail or date of birth). */
  question: string;
  /** The target group the situation belongs to. */
  targetGroup?: TargetGroup | null | undefined;
  /** The organisation whose cliëntondersteuners you ask (UUID of an OCO, GEMEENTE or ZORGKANTOOR in the sociale kaart); not your own. */
  toOrganizationId: string | number;
};

/** Capacity as reported by the organisation. */
export type CapacityInput = {
  /** Places available now (>= 0). */
  available?: number | null | undefined;
  /** Expected waiting time in days (0 … 3650). */
  expectedWaitDays?: number | null | undefined;
  /** Places in total (>= available). */
  maximum?: number | null | undefined;
  /** The status. */
  status: ReportedCapacityStatus;
  /** What a place is (bed, client, plek, uur). */
  unit?: string | null | undefined;
};

/**
 * Can the service take a new client now? UNKNOWN when capacity was never reported or is older than the configured
 * number of days (CAPACITY_STALE_DAYS).
 */
export type CapacityStatus =
  /** Can take a new client only after an extra assessment. */
  | 'ADDITIONAL_ASSESSMENT_REQUIRED'
  /** Can take a new client now. */
  | 'HAS_CAPACITY'
  /** Cannot take a new client now. */
  | 'NO_CAPACITY'
  /** Never reported, or the report is older than CAPACITY_STALE_DAYS (derived, never reported). */
  | 'UNKNOWN'
  /** Takes new clients onto a waiting list. */
  | 'WAITLIST';

/** A new period for one of the client's consents. */
export type ChangeConsentPeriodInput = {
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The consent (UUID). */
  id: string | number;
  /** Valid from; defaults to now (or the pending consent's own start). */
  validFrom?: string | null | undefined;
  /** Valid until (exclusive), in the future; null for open-ended. */
  validUntil?: string | null | undefined;
};

/** Who is signed in to the client's own view: the client personally, or a representative under a machtiging. */
export type ClientActor =
  /** The client personally (DigiD). */
  | 'CLIENT'
  /** A representative acting for the client under a machtiging. */
  | 'REPRESENTATIVE';

/** Why a trajectory was closed. */
export type CloseReason =
  /** The client ended the support. */
  | 'CLIENT_WITHDREW'
  /** The client died (support may continue with the network). */
  | 'DECEASED'
  /** The support question is answered; goals reached. */
  | 'GOALS_REACHED'
  /** Continued by another organisation (after a warm handover). */
  | 'HANDED_OVER'
  /** The client moved out of the area. */
  | 'MOVED'
  /** Any other reason. */
  | 'OTHER';

/** Closing a trajectory. */
export type CloseTrajectoryInput = {
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The trajectory (UUID). */
  id: string | number;
  /** Outcomes. */
  outcomes: TrajectoryOutcomesInput;
  /** Why. */
  reason: CloseReason;
};

/** How an opdrachtgever pays for a provider's cliëntondersteuning. */
export type CommissionKind =
  /** A contract after purchasing (inkoop, opdracht). */
  | 'CONTRACT'
  /** A subsidy (subsidie). */
  | 'SUBSIDY';

/** An action to mark done. */
export type CompleteKnelpuntActionInput = {
  /** The action (UUID). */
  actionId: string | number;
};

/** Completing a referral: the handover is done. */
export type CompleteReferralInput = {
  /** The version you last saw. */
  expectedVersion: number;
  /** The referral. */
  id: string | number;
  /** A note for the timeline. */
  note?: string | null | undefined;
  /** Who holds regie from now on (default RECEIVER; SENDER for a light handover, INFORMAL_TO_FORMAL). */
  regiehouder?: RegieHolder | null | undefined;
};

/**
 * Data categories a consent (toestemming) can cover. IDENTITY: BSN, name, date of birth, gemeente of residence;
 * CONTACT: contact details and preferred channel; QUESTION: the hulpvraag and life domains; PLAN: persoonlijk plan, goals
 * and outcomes; NETWORK: mantelzorgers and wettelijk vertegenwoordiger; CONTACT_MOMENTS: the contact log; HANDOVER: what
 * a receiving organisation needs to continue the support (phase, cliëntondersteuner, support forms, Wlz indication data).
 */
export type ConsentCategory =
  /** Contact details and preferred contact channel. */
  | 'CONTACT'
  /** The log of contacts with the client. */
  | 'CONTACT_MOMENTS'
  /** What a receiving organisation needs to continue the support: phase, cliëntondersteuner, support forms, Wlz indication data, the handover summary. */
  | 'HANDOVER'
  /** BSN, name, date of birth and gemeente of residence. */
  | 'IDENTITY'
  /** Mantelzorgers and the wettelijk vertegenwoordiger (legal representative). */
  | 'NETWORK'
  /** The persoonlijk plan, goals and outcomes. */
  | 'PLAN'
  /** The hulpvraag (the client's question), its life domains and target groups. */
  | 'QUESTION';

/** Who gave the consent: the client personally, or a representative from the client's network who may act for them. */
export type ConsentGiver =
  /** The client personally. */
  | 'CLIENT'
  /** A member of the client's network who may act for the client. */
  | 'REPRESENTATIVE';

/**
 * What the data is used for (doelbinding). WARM_HANDOVER: handing the client over to another organisation;
 * INTEGRATED_SUPPORT: supporting the client together across Wmo and Wlz (the default purpose of a read in this API);
 * CARE_MEDIATION: zorgbemiddeling by the zorgkantoor; PRIVACY_REQUEST: answering the client's own privacy request.
 */
export type ConsentPurpose =
  /** Zorgbemiddeling (care mediation) by the zorgkantoor. */
  | 'CARE_MEDIATION'
  /** Supporting the client together across Wmo and Wlz; the default purpose of a read. */
  | 'INTEGRATED_SUPPORT'
  /** Answering the client's own privacy request. */
  | 'PRIVACY_REQUEST'
  /** Handing the client over to another organisation (warme overdracht). */
  | 'WARM_HANDOVER';

/** How the consent was recorded: on paper (signed), verbally (noted by the professional), or digitally by the client. */
export type ConsentRecording =
  /** Given digitally by the client. */
  | 'DIGITAL'
  /** Spoken, noted by the professional. */
  | 'VERBAL'
  /** On paper, signed. */
  | 'WRITTEN';

/** State of a consent at the moment of the request. */
export type ConsentStatus =
  /** Valid now and not revoked. */
  | 'ACTIVE'
  /** Its valid-until date has passed. */
  | 'EXPIRED'
  /** Valid from a later date. */
  | 'PENDING'
  /** Revoked by or for the client. */
  | 'REVOKED';

/**
 * Where a consultation (collegiale consultatie) stands. OPEN: asked, waiting for an answer; ANSWERED: the addressee
 * answered; CLOSED: the asker closed it after the answer; WITHDRAWN: the asker withdrew it before an answer.
 */
export type ConsultationStatus =
  /** Answered by the addressee. */
  | 'ANSWERED'
  /** Closed by the asker after the answer. */
  | 'CLOSED'
  /** Asked, waiting for an answer. */
  | 'OPEN'
  /** Withdrawn by the asker before an answer. */
  | 'WITHDRAWN';

/** A consultation and the version you read. */
export type ConsultationVersionInput = {
  /** The version you read; a stale one is CONFLICT and changes nothing. */
  expectedVersion: number;
  /** The consultation (UUID). */
  id: string | number;
};

/** The way a client wants to be contacted. DO_NOT_CONTACT: the client does not want to be approached at all. */
export type ContactChannel =
  /** The client does not want to be approached at all. */
  | 'DO_NOT_CONTACT'
  /** By e-mail. */
  | 'EMAIL'
  /** In person. */
  | 'IN_PERSON'
  /** By telephone. */
  | 'PHONE'
  /** By post. */
  | 'POST';

/** Contact channels input. */
export type ContactChannelsInput = {
  /** E-mail address. */
  email?: string | null | undefined;
  /** Telephone number. */
  phone?: string | null | undefined;
  /** Web page (https). */
  url?: string | null | undefined;
  /** Walk-in without appointment. */
  walkIn?: boolean | null | undefined;
};

/** Contact details as input. */
export type ContactDetailsInput = {
  /** Postal address on one line. */
  address?: string | null | undefined;
  /** E-mail address. */
  email?: string | null | undefined;
  /** Telephone number. */
  phone?: string | null | undefined;
};

/** A contact moment as input. */
export type ContactMomentInput = {
  /** How. */
  channel: ContactChannel;
  /** When. */
  occurredAt: string;
  /** Short summary (no more than needed). */
  summary: string;
};

/** Cost input. */
export type CostInput = {
  /** Amount in euros, required for AMOUNT. */
  amount?: number | null | undefined;
  /** Explanation. */
  description?: string | null | undefined;
  /** Kind of cost. */
  type: CostType;
};

/** What the client pays. FREE; EIGEN_BIJDRAGE: the legal personal contribution (CAK); AMOUNT: a stated amount. */
export type CostType =
  /** A stated amount (see Cost.amount). */
  | 'AMOUNT'
  /** The legal personal contribution (eigen bijdrage), collected by the CAK. */
  | 'EIGEN_BIJDRAGE'
  /** Free for the client. */
  | 'FREE';

/** The assigned cliëntondersteuner as input. */
export type CounsellorInput = {
  /** When they can be reached, in words (at most 200 characters, no BSN), e.g. "ma, di en do 9–17 uur". */
  availability?: string | null | undefined;
  /** Paid professional or volunteer. */
  formality: Formality;
  /** Name. */
  name: string;
  /** User id (token subject), when they use the hub. */
  userId?: string | null | undefined;
  /** Work e-mail address (at most 254 characters). */
  workEmail?: string | null | undefined;
  /** Work telephone: 6–20 characters of digits, spaces, +, - or (). */
  workPhone?: string | null | undefined;
};

/** A new knelpunt grouping signals of one region. */
export type CreateKnelpuntInput = {
  /** Description (at most 4000 characters), without personal data. */
  description?: string | null | undefined;
  /** Signals of the region to group (1–500), none of them in another knelpunt. */
  signalIds: Array<string | number>;
  /** Short title (1–200 characters). */
  title: string;
  /** The region whose overlegtafel owns it. */
  zorgkantoorregioCode: string;
};

/** A new referral. */
export type CreateReferralInput = {
  /** The client (a Client id of the cases subgraph). */
  clientId: string | number;
  /** The consent to rely on; when omitted, any active consent of the client for this receiver and purpose. */
  consentId?: string | number | null | undefined;
  /** The structured handover summary. */
  handoverSummary: HandoverSummaryInput;
  /** A key of your choosing (max 200 characters): sending the same key again returns the referral created first. */
  idempotencyKey: string;
  /**
   * Required when an OCO refers to a service of its own organisation (the referral is then flagged): why, in 10–2000
   * characters, without a BSN. Refused (BAD_USER_INPUT) on any other referral.
   */
  independenceNote?: string | null | undefined;
  /** The kind of handover. */
  kind: ReferralKind;
  /** The life domain the question concerns. */
  lifeDomain?: LifeDomain | null | undefined;
  /** The question or reason (1 … 2000 characters). */
  question: string;
  /**
   * The cliëntondersteuner of the source trajectory stays on with the client (vast gezicht): the referral carries that
   * person (name, work telephone, work e-mail, availability) as the trajectory names them now.
   */
  sameCounsellorContinues?: boolean;
  /** Send at once (default) or keep as DRAFT. */
  send?: boolean;
  /**
   * For TO_SERVICE (required there): the service of the sociale kaart. It must exist and belong to toOrganizationId
   * (BAD_USER_INPUT on input.serviceId otherwise).
   */
  serviceId?: string | number | null | undefined;
  /** Your organisation's open trajectory for this client. */
  sourceTrajectoryId: string | number;
  /** The forms of cliëntondersteuning asked for. */
  supportFormsRequested?: Array<SupportForm>;
  /** The target group the question concerns. */
  targetGroup?: TargetGroup | null | undefined;
  /** The receiving organisation: another one, or for TO_SERVICE the service's organisation (which may be your own). */
  toOrganizationId: string | number;
  /** The receiving professional, when agreed beforehand (the 'vast gezicht'). */
  toProfessional?: ProfessionalInput | null | undefined;
  /** How soon. */
  urgency?: ReferralUrgency;
};

/** How a person hears of a kind of event besides the notification centre, which always shows it. */
export type EmailDelivery =
  /** Counted in one e-mail a day (the daily digest). */
  | 'DAILY_DIGEST'
  /** An e-mail at once. */
  | 'IMMEDIATE'
  /** No e-mail. */
  | 'OFF';

/** A commission to end. */
export type EndCommissionInput = {
  /** The commission (UUID). */
  commissionId: string | number;
  /** Its last day in force; not before validFrom. */
  validUntil: string;
};

/** FORMAL: paid professionals; INFORMAL: volunteers and ervaringsdeskundigen. */
export type Formality =
  /** Given by paid professionals. */
  | 'FORMAL'
  /** Given by volunteers and ervaringsdeskundigen (experts by experience). */
  | 'INFORMAL';

/** The reason on a gap event from the referrals feed: a rejection reason, or OVERDUE. */
export type GapReason =
  /** The referral was rejected with NO_CAPACITY. */
  | 'NO_CAPACITY'
  /** The referral was rejected with NO_FITTING_OFFER. */
  | 'NO_FITTING_OFFER'
  /** The referral was rejected with NO_FUNDS (no budget); counted under the category NO_CAPACITY. */
  | 'NO_FUNDS'
  /** The referral was rejected with OUT_OF_AREA: no longer produced (the client living elsewhere is no gap in supply); older signals keep it. */
  | 'OUT_OF_AREA'
  /** The referral was left unanswered past its response deadline. */
  | 'OVERDUE'
  /** The referral was rejected with WAITLIST. */
  | 'WAITLIST';

/**
 * A consent the signed-in client gives. Give either receivingOrganizationId, or receivingOrganizationType with
 * receivingRegionCode.
 */
export type GiveConsentInput = {
  /** Data categories. */
  categories: Array<ConsentCategory>;
  /** Purpose. */
  purpose: ConsentPurpose;
  /** The receiving organisation. */
  receivingOrganizationId?: string | number | null | undefined;
  /** Or: every organisation of this type … */
  receivingOrganizationType?: OrganizationType | null | undefined;
  /** … in this gemeente (GM…) or zorgkantoorregio (ZK…). */
  receivingRegionCode?: string | null | undefined;
  /** The organisation whose data may be shared: one that supports the client (BAD_USER_INPUT otherwise). */
  sharingOrganizationId: string | number;
  /** Valid from; defaults to now. */
  validFrom?: string | null | undefined;
  /** Valid until (exclusive); null for open-ended. */
  validUntil?: string | null | undefined;
};

/** A goal as input; give the id of an existing goal to keep it stable. */
export type GoalInput = {
  /** The goal. */
  description: string;
  /** Existing goal id (omit for a new goal). */
  id?: string | number | null | undefined;
  /** Status. */
  status: GoalStatus;
};

/** Status of a goal in the persoonlijk plan. */
export type GoalStatus =
  /** Reached. */
  | 'ACHIEVED'
  /** Given up or no longer relevant. */
  | 'DROPPED'
  /** Being worked on. */
  | 'IN_PROGRESS'
  /** Not started. */
  | 'OPEN';

/** The state of a half-year report: DRAFT → SUBMITTED → ACKNOWLEDGED. */
export type HalfYearReportStatus =
  /** Every opdrachtgever of the half year acknowledged it. */
  | 'ACKNOWLEDGED'
  /** Being written by the provider; only its members see it. */
  | 'DRAFT'
  /** Sent to the opdrachtgevers; figures fixed. */
  | 'SUBMITTED';

/** A report and the version you read. */
export type HalfYearReportVersionInput = {
  /** The version you last read; CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The report (UUID). */
  reportId: string | number;
};

/** A knelpunt handed to zorginkoop. */
export type HandKnelpuntToZorginkoopInput = {
  /** The knelpunt; not RESOLVED or NOT_RESOLVABLE. */
  knelpuntId: string | number;
  /** What the overlegtafel asks zorginkoop (1–4000 characters), without personal data. */
  question: string;
};

/**
 * The handover summary as written by the sender; every part is required (write 'geen' when there is nothing to say),
 * except in a light handover (INFORMAL_TO_FORMAL), which needs situation, question and clientWishes only. A missing part
 * of another kind is BAD_USER_INPUT on its field.
 */
export type HandoverSummaryInput = {
  /** Agreements made with the client (required except in a light handover). */
  agreements?: string | null | undefined;
  /** The client's wishes. */
  clientWishes: string;
  /** The client's network as far as relevant (required except in a light handover). */
  network?: string | null | undefined;
  /** Actions still open (required except in a light handover). */
  openActions?: string | null | undefined;
  /** The question the receiver is asked to pick up. */
  question: string;
  /** Risks (required except in a light handover). */
  risks?: string | null | undefined;
  /** The client's situation. */
  situation: string;
  /** What was done so far (required except in a light handover). */
  whatWasDone?: string | null | undefined;
};

/**
 * How the joint meeting went. HANDOVER_AGREED: the receiver takes over as agreed; FOLLOW_UP_NEEDED: another meeting is
 * needed; CLIENT_DECLINED: the client did not want the handover; NOT_HELD: the meeting did not take place.
 */
export type JointMeetingOutcome =
  /** The client did not want the handover. */
  | 'CLIENT_DECLINED'
  /** Another meeting is needed. */
  | 'FOLLOW_UP_NEEDED'
  /** The receiver takes over as agreed. */
  | 'HANDOVER_AGREED'
  /** The meeting did not take place. */
  | 'NOT_HELD';

/** Phase of the client journey (cliëntreis): before the Wlz indication, after the indication, receiving care, after care. */
export type JourneyPhase =
  /** After care has ended. */
  | 'AFTER_CARE'
  /** After the indication, before care starts. */
  | 'AFTER_INDICATION'
  /** Before the Wlz indication. */
  | 'BEFORE_INDICATION'
  /** Receiving care. */
  | 'IN_CARE';

/**
 * The state of a knelpunt. NEW → ON_AGENDA → ACTION → RESOLVED | NOT_RESOLVABLE; ON_AGENDA → NOT_RESOLVABLE when the
 * table finds nothing it can do; ACTION → ON_AGENDA when the actions did not work and it must be discussed again.
 * Members cannot move a RESOLVED or NOT_RESOLVABLE knelpunt; the hub moves a RESOLVED one back to ON_AGENDA by itself
 * when its follow-up signals come back above the threshold (KnelpuntTransition.automatic).
 */
export type KnelpuntStatus =
  /** Actions are agreed and running. */
  | 'ACTION'
  /** Just created from signals. */
  | 'NEW'
  /** The table can do nothing about it (final). */
  | 'NOT_RESOLVABLE'
  /** On the agenda of a meeting. */
  | 'ON_AGENDA'
  /** Solved, with a resolution note; reopens by itself (to ON_AGENDA) when its signals come back. */
  | 'RESOLVED';

/**
 * The law (financieringsdomein) a service is financed under. WMO_ALGEMENE_VOORZIENING: Wmo, freely accessible without
 * assessment; WMO_MAATWERKVOORZIENING: Wmo, tailored after assessment (beschikking); WLZ: Wet langdurige zorg;
 * JEUGDWET: youth care; ZVW: health insurance; PARTICIPATIEWET: work and income; FREELY_ACCESSIBLE: no legal financing needed.
 */
export type LegalDomain =
  /** No legal financing needed: open to anyone. */
  | 'FREELY_ACCESSIBLE'
  /** Jeugdwet: youth care. */
  | 'JEUGDWET'
  /** Participatiewet: work and income. */
  | 'PARTICIPATIEWET'
  /** Wet langdurige zorg: long-term care, after a Wlz indication. */
  | 'WLZ'
  /** Wmo, freely accessible without assessment (algemene voorziening). */
  | 'WMO_ALGEMENE_VOORZIENING'
  /** Wmo, tailored support after an assessment and a decision (maatwerkvoorziening, beschikking). */
  | 'WMO_MAATWERKVOORZIENING'
  /** Zorgverzekeringswet: covered by the health insurance. */
  | 'ZVW';

/**
 * Leveringsvorm (iWlz COD578): how Wlz care is delivered. Codes: PGB 2, VERBLIJF 4, VPT 5, MPT 7, DEELTIJDVERBLIJF 8,
 * VERKEERDE_BED 9.
 */
export type Leveringsvorm =
  /** Part-time stay (COD578 code 8). */
  | 'DEELTIJDVERBLIJF'
  /** Modulair pakket thuis: parts of the package at home (COD578 code 7). */
  | 'MPT'
  /** Persoonsgebonden budget: a personal budget (COD578 code 2). */
  | 'PGB'
  /** Care with a stay in an institution (COD578 code 4). */
  | 'VERBLIJF'
  /** A temporary place while waiting for the right one (COD578 code 9). */
  | 'VERKEERDE_BED'
  /** Volledig pakket thuis: the full package at home (COD578 code 5). */
  | 'VPT';

/** Life domains (leefgebieden) a service helps with. */
export type LifeDomain =
  /** Finances and debts. */
  | 'FINANCIEN_EN_SCHULDEN'
  /** Health. */
  | 'GEZONDHEID'
  /** Education. */
  | 'ONDERWIJS'
  /** Safety. */
  | 'VEILIGHEID'
  /** Transport. */
  | 'VERVOER'
  /** Well-being and social network. */
  | 'WELZIJN_EN_SOCIAAL_NETWERK'
  /** Work and daytime activities (dagbesteding). */
  | 'WERK_EN_DAGBESTEDING'
  /** Housing. */
  | 'WONEN'
  /** Care and support. */
  | 'ZORG_EN_ONDERSTEUNING';

/** The capacity states a link can report. */
export type LightCapacityStatus =
  /** Takes new clients after an additional assessment. */
  | 'ADDITIONAL_ASSESSMENT_REQUIRED'
  /** Takes new clients now. */
  | 'HAS_CAPACITY'
  /** Full, no waiting list. */
  | 'NO_CAPACITY'
  /** Takes new clients onto a waiting list. */
  | 'WAITLIST';

/** What a single-use link lets its holder do. */
export type LightLinkAction =
  /** Accept or reject one handover (referral), with a reason when rejecting. */
  | 'ANSWER_HANDOVER'
  /** Report the capacity and waiting time of one service. */
  | 'UPDATE_CAPACITY';

/** Where a single-use link stands. */
export type LightLinkStatus =
  /** Can be used once, until expiresAt. */
  | 'ACTIVE'
  /** Passed expiresAt unused. */
  | 'EXPIRED'
  /** Revoked by the sender. */
  | 'REVOKED'
  /** Was used. */
  | 'USED';

/** Why a handover is rejected through a link (the same reasons as rejectReferral). */
export type LightRejectionReason =
  /** The client declined. */
  | 'CLIENT_DECLINED'
  /** The client could not be reached. */
  | 'COULD_NOT_CONTACT'
  /** Information needed to decide is missing. */
  | 'MISSING_INFORMATION'
  /** The client does not qualify for it. */
  | 'NOT_ELIGIBLE'
  /** No room now. */
  | 'NO_CAPACITY'
  /** Nothing on offer that fits the request. */
  | 'NO_FITTING_OFFER'
  /** No budget for it. */
  | 'NO_FUNDS'
  /** Another reason. */
  | 'OTHER'
  /** The client lives outside our area. */
  | 'OUT_OF_AREA'
  /** Only a waiting list. */
  | 'WAITLIST';

/** Links the warm handover sent for the choice OCO to the worklist item. */
export type LinkIndicatieHandoverInput = {
  /** The version you last saw (CONFLICT when stale). */
  expectedVersion: number;
  /** The worklist item. */
  id: string | number;
  /** The referral (kind TO_OCO) your organisation sent to the chosen OCO for this client. */
  referralId: string | number;
};

/** Fields of a location. On create, name is required; on update, omitted fields stay as they are. */
export type LocationInput = {
  /** Accessibility notes. */
  accessibility?: string | null | undefined;
  /** Street and number. */
  address?: string | null | undefined;
  /** City. */
  city?: string | null | undefined;
  /** Confidential address (hidden from anonymous callers). */
  confidential?: boolean | null | undefined;
  /** Description. */
  description?: string | null | undefined;
  /** Gemeente code (GM + 4 digits) of an existing gemeente. */
  gemeenteCode?: string | null | undefined;
  /** Latitude, within the Netherlands (50.7 … 53.6). */
  latitude?: number | null | undefined;
  /** Longitude, within the Netherlands (3.3 … 7.3). */
  longitude?: number | null | undefined;
  /** Name (1–200 characters). */
  name?: string | null | undefined;
  /** Postcode, 1234 AB. */
  postalCode?: string | null | undefined;
};

/** Which notifications to mark read. */
export type MarkNotificationsReadInput = {
  /** Or all of yours up to now. */
  all?: boolean | null | undefined;
  /** These notifications (yours); at most 100. */
  ids?: Array<string | number> | null | undefined;
};

/** Who takes part in the joint meeting (kennismakings- or driegesprek). */
export type MeetingParticipant =
  /** The client. */
  | 'CLIENT'
  /** Someone from the client's network. */
  | 'NETWORK_MEMBER'
  /** The receiving professional. */
  | 'RECEIVER'
  /** The sending professional. */
  | 'SENDER';

/**
 * A distance search: from a gemeente's centroid, from a postcode area's centroid or from a point. Give exactly one of
 * gemeenteCode, postcode, or latitude and longitude.
 */
export type NearInput = {
  /** Measure from the centre of this gemeente. */
  gemeenteCode?: string | null | undefined;
  /** Measure from this latitude (WGS84). */
  latitude?: number | null | undefined;
  /** Measure from this longitude (WGS84). */
  longitude?: number | null | undefined;
  /** Maximum distance in kilometres to the nearest location of the service (0 < km <= 500). */
  maxDistanceKm: number;
  /**
   * Measure from the centre of this 4-digit postcode area (PC4): "1234" or "1234 AB", only the 4 digits count. Needs
   * the postcode areas to be loaded (see postcodeSearchAvailable); an unknown PC4 gives BAD_USER_INPUT on
   * filter.near.postcode with field code UNKNOWN_POSTCODE. The postcode is never logged nor repeated in an error.
   */
  postcode?: string | null | undefined;
};

/** A network member as input; give the id of an existing member to keep it stable. */
export type NetworkMemberInput = {
  /** Contact details. */
  contact?: ContactDetailsInput | null | undefined;
  /** Existing member id (omit for a new member). */
  id?: string | number | null | undefined;
  /** Whether this person may act for the client. */
  mayActForClient: boolean;
  /** Name. */
  name: string;
  /** Role. */
  role: NetworkRole;
};

/** The role of a person in the client's network (iWlz COD1003: 100001 Mantelzorger, 24 Wettelijke vertegenwoordiger). */
export type NetworkRole =
  /** A family member without either role. */
  | 'FAMILY'
  /** Informal carer (iWlz COD1003 code 100001). */
  | 'MANTELZORGER'
  /** Anyone else in the network. */
  | 'OTHER'
  /** Legal representative, e.g. curator or mentor (iWlz COD1003 code 24). */
  | 'WETTELIJK_VERTEGENWOORDIGER';

/** The kind of thing a notification points at. */
export type NotificationItemType =
  /** A client. */
  | 'CLIENT'
  /** A half-year report of a provider of cliëntondersteuning. */
  | 'HALF_YEAR_REPORT'
  /** A knelpunt of an overlegtafel. */
  | 'KNELPUNT'
  /** A referral (warme overdracht). */
  | 'REFERRAL'
  /** A signal about a gap in the care supply. */
  | 'SIGNAL'
  /** A support trajectory. */
  | 'TRAJECTORY'
  /** A Wlz indicatie on a zorgkantoor's worklist. */
  | 'WLZ_INDICATIE';

/**
 * What happened. Who is told: HANDOVER_RECEIVED and HANDOVER_DUE_SOON the receiving organisation; HANDOVER_OVERDUE
 * receiver and sender; HANDOVER_ESCALATED and WORKLIST_ESCALATED the organisation's coordinators (its BEHEERDER when it
 * named none); HANDOVER_ACCEPTED and HANDOVER_REJECTED the sender; CONSENT_REVOKED the organisations that now see less;
 * SIGNAL_FEEDBACK the signal's author; BREAK_GLASS_OPENED the owning organisation's PRIVACY_OFFICER and BEHEERDER;
 * WORKLIST_ITEM and WORKLIST_OVERDUE the zorgkantoor's ZORGBEMIDDELAAR; REPORT_SUBMITTED the opdrachtgevers'
 * BELEIDSMEDEWERKER; REPORT_ACKNOWLEDGED and SATISFACTION_MEASUREMENT_DUE the provider's BELEIDSMEDEWERKER and BEHEERDER;
 * KNELPUNT_REOPENED the overlegtafel's members (role OVERLEGTAFEL); ZORGINKOOP_OUTCOME the authors of the knelpunt's
 * signals.
 */
export type NotificationKind =
  /** A client file of your organisation was opened without consent (break-glass). */
  | 'BREAK_GLASS_OPENED'
  /** A client withdrew a consent: you see less of that client. */
  | 'CONSENT_REVOKED'
  /** Your handover was accepted. */
  | 'HANDOVER_ACCEPTED'
  /** A handover must be answered soon (by default within 1 working day). */
  | 'HANDOVER_DUE_SOON'
  /** An overdue handover, escalated once to the organisation's coordinators. */
  | 'HANDOVER_ESCALATED'
  /** A handover passed its respond-by or start-by date. */
  | 'HANDOVER_OVERDUE'
  /** A handover (referral) arrived in your organisation's inbox. */
  | 'HANDOVER_RECEIVED'
  /** Your handover was rejected. */
  | 'HANDOVER_REJECTED'
  /** A resolved knelpunt reopened because matching signals came back. */
  | 'KNELPUNT_REOPENED'
  /** An opdrachtgever acknowledged your organisation's half-year report. */
  | 'REPORT_ACKNOWLEDGED'
  /** A provider submitted a half-year report to your organisation (its opdrachtgever). */
  | 'REPORT_SUBMITTED'
  /** Your organisation's client-satisfaction measurement is due (two years after the last). */
  | 'SATISFACTION_MEASUREMENT_DUE'
  /** The overlegtafel gave feedback on a knelpunt that holds your signal. */
  | 'SIGNAL_FEEDBACK'
  /** An overdue worklist item, escalated once to the zorgkantoor's coordinators. */
  | 'WORKLIST_ESCALATED'
  /** A new Wlz indicatie arrived on the zorgkantoor's worklist. */
  | 'WORKLIST_ITEM'
  /** A worklist item passed its contact deadline. */
  | 'WORKLIST_OVERDUE'
  /** The zorgkantoor recorded the purchasing outcome (agreement or refusal) of a knelpunt with your signal. */
  | 'ZORGINKOOP_OUTCOME';

/** One preference. */
export type NotificationPreferenceInput = {
  /** How it reaches you by e-mail; null returns to the organisation's default. */
  email?: EmailDelivery | null | undefined;
  /** The kind of event. */
  kind: NotificationKind;
};

/** Opening a client's data under break-glass. */
export type OpenBreakGlassInput = {
  /** The client (UUID). */
  clientId: string | number;
  /** Why: the acute danger, 20–1000 characters, without a BSN. */
  reason: string;
};

/** A new trajectory, owned by the caller's organisation. */
export type OpenTrajectoryInput = {
  /**
   * The client's BSN, as proof that the organisation knows the person (e.g. after findClientByBsn), when it owns no
   * trajectory of the client yet and does not open one after a warm handover. A consent alone is no such proof.
   */
  bsn?: string | null | undefined;
  /** The client. */
  clientId: string | number;
  /** The assigned cliëntondersteuner; defaults to the caller. */
  counsellor?: CounsellorInput | null | undefined;
  /**
   * The warm handover (a Referral id) the caller's organisation received for this client and accepted (ACCEPTED,
   * IN_PROGRESS, ON_HOLD or COMPLETED): it may then open its own trajectory without the BSN, while the handover's
   * consent is active.
   */
  handoverReferralId?: string | number | null | undefined;
  /** The hulpvraag in the client's words. */
  hulpvraag: string;
  /** Client journey phase. */
  journeyPhase: JourneyPhase;
  /** Legal domain. */
  legalDomain: LegalDomain;
  /** Life domains involved. */
  lifeDomains?: Array<LifeDomain> | null | undefined;
  /** Support forms given so far. */
  supportForms?: Array<SupportForm> | null | undefined;
  /** Target groups (for reporting). */
  targetGroups?: Array<TargetGroup> | null | undefined;
  /** Wlz indication data (Wlz trajectories only). */
  wlz?: WlzDetailsInput | null | undefined;
};

/** Opening hours input. */
export type OpeningHoursInput = {
  /** HH:MM, after opensAt. */
  closesAt: string;
  /** HH:MM. */
  opensAt: string;
  /** ISO weekday 1 … 7. */
  weekday: number;
};

/**
 * What kind of organisation this is. GEMEENTE: a municipality (Wmo, Jeugdwet); ZORGKANTOOR: a Wlz care office,
 * one per zorgkantoorregio; OCO: an independent client-support (onafhankelijke cliëntondersteuning) provider;
 * ZORGAANBIEDER: a care provider; WELZIJN: a welfare organisation; OTHER: anything else.
 */
export type OrganizationType =
  /** A municipality (gemeente): Wmo and Jeugdwet. */
  | 'GEMEENTE'
  /** An independent client-support provider (onafhankelijke cliëntondersteuning). */
  | 'OCO'
  /** Any other kind of organisation. */
  | 'OTHER'
  /** A welfare organisation (welzijnsorganisatie). */
  | 'WELZIJN'
  /** A care provider (zorgaanbieder). */
  | 'ZORGAANBIEDER'
  /** A Wlz care office (zorgkantoor), one per zorgkantoorregio. */
  | 'ZORGKANTOOR';

/** Period length for aggregations. */
export type PeriodGranularity =
  /** Calendar months, keys like 2025-07. */
  | 'MONTH'
  /** Calendar quarters, keys like 2025-Q3. */
  | 'QUARTER';

/** A name as input. */
export type PersonNameInput = {
  /** Family name. */
  familyName: string;
  /** Given name. */
  givenName: string;
  /** Tussenvoegsel. */
  namePrefix?: string | null | undefined;
};

/** Planning the joint meeting. */
export type PlanJointMeetingInput = {
  /** The version you last saw. */
  expectedVersion: number;
  /** The referral. */
  id: string | number;
  /** Who takes part (at least one). */
  participants: Array<MeetingParticipant>;
  /** When. */
  plannedAt: string;
};

/** A named professional. */
export type ProfessionalInput = {
  /** The user id (token subject). */
  id: string;
  /** Display name. */
  name?: string | null | undefined;
};

/** A commission to record. */
export type RecordCommissionInput = {
  /** The gemeenten it covers (1–342, GM + 4 digits): a gemeente its own code only, a zorgkantoor gemeenten of its region. */
  gemeenteCodes: Array<string>;
  /** Subsidy or contract. */
  kind: CommissionKind;
  /** The provider (UUID of an organisation in the sociale kaart). */
  providerOrganizationId: string | number;
  /** First day in force. */
  validFrom: string;
  /** Last day in force, not before validFrom; omit for open-ended. */
  validUntil?: string | null | undefined;
};

/** A consent to record. Give either receivingOrganizationId, or receivingOrganizationType with receivingRegionCode. */
export type RecordConsentInput = {
  /** Data categories. */
  categories: Array<ConsentCategory>;
  /** The client. */
  clientId: string | number;
  /** Who gave it. */
  givenBy: ConsentGiver;
  /** Purpose. */
  purpose: ConsentPurpose;
  /** The receiving organisation. */
  receivingOrganizationId?: string | number | null | undefined;
  /** Or: every organisation of this type … */
  receivingOrganizationType?: OrganizationType | null | undefined;
  /** … in this gemeente (GM…) or zorgkantoorregio (ZK…). */
  receivingRegionCode?: string | null | undefined;
  /** How it was recorded. */
  recordedHow: ConsentRecording;
  /** The network member who gave it (required when givenBy is REPRESENTATIVE; must be allowed to act for the client). */
  representativeId?: string | number | null | undefined;
  /** Valid from; defaults to now. */
  validFrom?: string | null | undefined;
  /** Valid until (exclusive); null for open-ended. */
  validUntil?: string | null | undefined;
};

/** A decision on a knelpunt. */
export type RecordDecisionInput = {
  /** Date of the decision; defaults to today. */
  decidedOn?: string | null | undefined;
  /** The knelpunt. */
  knelpuntId: string | number;
  /** The meeting, if taken at one. */
  meetingId?: string | number | null | undefined;
  /** What was decided (1–4000 characters), without personal data. */
  text: string;
};

/** The offer of cliëntondersteuning and the client's choice. */
export type RecordIndicatieChoiceInput = {
  /** What the client chose. */
  choice: WlzSupportChoice;
  /**
   * For OCO: the consent for the handover. Omitted: an active HANDOVER consent for WARM_HANDOVER, recorded by your
   * organisation for that OCO, is used (BAD_USER_INPUT on input.consent when there is none).
   */
  consent?: WlzHandoverConsentInput | null | undefined;
  /** The version you last saw (CONFLICT when stale). */
  expectedVersion: number;
  /** The worklist item. */
  id: string | number;
  /** For OCO (required there): the OCO organisation of the sociale kaart. */
  ocoOrganizationId?: string | number | null | undefined;
  /** When cliëntondersteuning was offered; defaults to now, never in the future. */
  offeredAt?: string | null | undefined;
};

/** Contact with the client about a new indicatie was made. */
export type RecordIndicatieContactInput = {
  /** When the contact took place; defaults to now, never in the future. */
  contactedAt?: string | null | undefined;
  /** The version you last saw (CONFLICT when stale). */
  expectedVersion: number;
  /** The worklist item. */
  id: string | number;
};

/** Recording how the joint meeting went. */
export type RecordJointMeetingOutcomeInput = {
  /** The version you last saw. */
  expectedVersion: number;
  /** When it was held (default now). */
  heldAt?: string | null | undefined;
  /** The referral. */
  id: string | number;
  /** The outcome. */
  outcome: JointMeetingOutcome;
  /** Notes (max 4000 characters; personal data, gated like the handover summary). */
  outcomeNotes?: string | null | undefined;
};

/** A satisfaction measurement to record. */
export type RecordSatisfactionMeasurementInput = {
  /** The day it was completed; not in the future. */
  doneOn: string;
  /** How it was done (1–500 characters), without personal data. */
  method: string;
  /** Number of clients who answered (0–100000). */
  respondents: number;
};

/** The wijsplicht on a Wmo melding: when, and whether the resident accepted. The professional is the caller. */
export type RecordWijsplichtInput = {
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The trajectory (UUID): a Wmo trajectory of the caller's gemeente. */
  id: string | number;
  /** A short note (at most 500 characters, no BSN). */
  note?: string | null | undefined;
  /** Whether the resident accepted. */
  outcome: WijsplichtOutcome;
  /** The day the resident was pointed to independent cliëntondersteuning: not in the future, not before the trajectory was opened. */
  pointedOn: string;
};

/** The zorgkantoor's outcome for a knelpunt handed to zorginkoop. */
export type RecordZorginkoopOutcomeInput = {
  /** Date of the decision; defaults to today, not in the future nor before the question was asked. */
  decidedOn?: string | null | undefined;
  /** The knelpunt; it must be handed to zorginkoop and waiting (ASKED). */
  knelpuntId: string | number;
  /** AGREEMENT or REFUSAL. */
  outcome: ZorginkoopOutcome;
  /** The agreement, or why not (1–4000 characters), without personal data. */
  text: string;
};

/** Everything that can happen to a referral; each is one row of the transition table (see docs/referrals.md). */
export type ReferralAction =
  /** The receiver accepted it. */
  | 'ACCEPT'
  /** It was cancelled. */
  | 'CANCEL'
  /** The receiver completed it. */
  | 'COMPLETE'
  /** The referral was created. */
  | 'CREATE'
  /** The overdue referral was escalated to the receiving organisation's coordinators, once (recorded by the hub itself). */
  | 'ESCALATED'
  /** The receiver marked it failed. */
  | 'FAIL'
  /** The receiver put it on hold. */
  | 'HOLD'
  /** The sender marked it made in error. */
  | 'MARK_ENTERED_IN_ERROR'
  /** A deadline passed (recorded by the hub itself). */
  | 'OVERDUE'
  /** The joint meeting was planned. */
  | 'PLAN_JOINT_MEETING'
  /** The outcome of the joint meeting was recorded. */
  | 'RECORD_JOINT_MEETING_OUTCOME'
  /** The receiver rejected it. */
  | 'REJECT'
  /** The sender released it, so it no longer blocks closing the source trajectory. */
  | 'RELEASE'
  /** The receiver resumed it. */
  | 'RESUME'
  /** The sender sent it. */
  | 'SEND'
  /** The party that holds regie changed. */
  | 'SET_REGIEHOUDER'
  /** The receiver started work. */
  | 'START';

/** Which side of the referral to list: INBOX (received by your organisation) or OUTBOX (sent by it). */
export type ReferralBox =
  /** Referrals received by your organisation (once sent). */
  | 'INBOX'
  /** Referrals sent by your organisation, drafts included. */
  | 'OUTBOX';

/** Filters for inbox and outbox; they combine with AND, values inside one list with OR. */
export type ReferralFilter = {
  /** Only referrals about this client. */
  clientId?: string | number | null | undefined;
  /** Sent (drafts: created) at or after this moment. */
  from?: string | null | undefined;
  /** Any of these kinds. */
  kinds?: Array<ReferralKind> | null | undefined;
  /** Only overdue (true) or only not overdue (false) referrals. */
  overdue?: boolean | null | undefined;
  /** Any of these states. */
  statuses?: Array<ReferralStatus> | null | undefined;
  /** Sent (drafts: created) before this moment. */
  to?: string | null | undefined;
};

/**
 * What kind of handover this is. WMO_TO_WLZ: from Wmo (gemeente) support to Wlz support (zorgkantoor or its OCO), e.g.
 * when a Wlz indicatie is coming; WLZ_TO_WMO: back from Wlz to the gemeente; TO_OCO: to an independent cliëntondersteuning
 * provider (e.g. when the zorgkantoor sees a conflict of interest); TO_SERVICE: to one service of the sociale kaart (the
 * receiving organisation is the service's own, which may be the sender's: then no data leaves the organisation, and an
 * OCO sender must explain it, see `independenceFlag`); OTHER: any other handover; INFORMAL_TO_FORMAL: the light handover,
 * an informal cliëntondersteuner (a volunteer of a welfare organisation) calls in a professional and stays involved.
 */
export type ReferralKind =
  /**
   * Light handover: an informal cliëntondersteuner (a volunteer; the sender's organisation type is WELZIJN) calls in a
   * professional (a coach or a formal OCO) and stays involved: a lighter summary (situation, question and the client's
   * wishes), regie stays with the sender after completion unless changed, and it never blocks closing the sender's
   * trajectory (`senderStaysInvolved`).
   */
  | 'INFORMAL_TO_FORMAL'
  /** Any other handover. */
  | 'OTHER'
  /** To an independent cliëntondersteuning (OCO) provider. */
  | 'TO_OCO'
  /** To one service of the sociale kaart. */
  | 'TO_SERVICE'
  /** Back from Wlz support to the gemeente. */
  | 'WLZ_TO_WMO'
  /** From Wmo support (gemeente) to Wlz support (zorgkantoor or its OCO). */
  | 'WMO_TO_WLZ';

/**
 * The state of a referral, modelled on the HL7 FHIR SDOH referral Task. DRAFT (only the sender sees it) → REQUESTED
 * (sent) → ACCEPTED | REJECTED | CANCELLED; ACCEPTED → IN_PROGRESS ⇄ ON_HOLD → COMPLETED | FAILED; CANCELLED from any
 * open state by the sender and by the receiver before acceptance; ENTERED_IN_ERROR by the sender. REJECTED, CANCELLED,
 * COMPLETED, FAILED and ENTERED_IN_ERROR are final.
 */
export type ReferralStatus =
  /** Accepted by the receiver; not started yet. */
  | 'ACCEPTED'
  /** Cancelled (final). */
  | 'CANCELLED'
  /** The handover is done (final). */
  | 'COMPLETED'
  /** Created, not sent; only the sender sees it. */
  | 'DRAFT'
  /** Made in error, marked so by the sender (final). */
  | 'ENTERED_IN_ERROR'
  /** The handover failed (final). */
  | 'FAILED'
  /** The receiver is working on it. */
  | 'IN_PROGRESS'
  /** Paused by the receiver. */
  | 'ON_HOLD'
  /** Rejected by the receiver with a reason (final). */
  | 'REJECTED'
  /** Sent; waiting for the receiver to accept or reject. */
  | 'REQUESTED';

/** A change of state. Every change carries the version you last saw. */
export type ReferralTransitionInput = {
  /** The version you last saw (CONFLICT when stale). */
  expectedVersion: number;
  /** The referral. */
  id: string | number;
  /** A note for the timeline (max 2000 characters). */
  note?: string | null | undefined;
};

/** How soon the receiver should act (FHIR Task priority): ROUTINE, URGENT, ASAP. */
export type ReferralUrgency =
  /** As soon as possible. */
  | 'ASAP'
  /** Normal handling. */
  | 'ROUTINE'
  /** Sooner than routine. */
  | 'URGENT';

/** Which party holds regie (coordinates the client's support) after the handover: the sending or the receiving organisation. */
export type RegieHolder =
  /** The receiving organisation takes regie. */
  | 'RECEIVER'
  /** The sending organisation keeps regie. */
  | 'SENDER';

/** A new client. */
export type RegisterClientInput = {
  /** BSN (9 digits, or 8 with the leading 0 left off); checked with the elfproef. */
  bsn?: string | null | undefined;
  /** Contact details. */
  contact?: ContactDetailsInput | null | undefined;
  /** Date of birth. */
  dateOfBirth: string;
  /** Gemeente of residence (GM + 4 digits). */
  gemeenteCode: string;
  /** Name. */
  name: PersonNameInput;
  /** Network. */
  network?: Array<NetworkMemberInput> | null | undefined;
  /** Preferred contact channel. */
  preferredContactChannel?: ContactChannel | null | undefined;
};

/** Rejecting a referral. */
export type RejectReferralInput = {
  /** The version you last saw. */
  expectedVersion: number;
  /** For WAITLIST: the expected wait in days (0 … 3650). */
  expectedWaitDays?: number | null | undefined;
  /** The referral. */
  id: string | number;
  /** Explanation for the sender (max 2000 characters). */
  note?: string | null | undefined;
  /** Why. */
  reason: RejectionReason;
};

/**
 * Why the receiver rejects a referral. NO_CAPACITY, NO_FUNDS, WAITLIST and NO_FITTING_OFFER are gaps in the care supply:
 * each yields one gap event that becomes a signal for the regional overlegtafel. OUT_OF_AREA is not one (the help may
 * exist where the client lives); the other reasons say nothing about supply.
 */
export type RejectionReason =
  /** The client does not want it. */
  | 'CLIENT_DECLINED'
  /** The receiver could not reach the client. */
  | 'COULD_NOT_CONTACT'
  /** The referral lacks information the receiver needs. */
  | 'MISSING_INFORMATION'
  /** The client does not meet the conditions. */
  | 'NOT_ELIGIBLE'
  /** No room now (a supply gap). */
  | 'NO_CAPACITY'
  /** Nothing that fits the question is on offer in the region (a supply gap). */
  | 'NO_FITTING_OFFER'
  /** No budget: the receiver has no funds for it now, e.g. a budget or omzetplafond is used up (a supply gap). */
  | 'NO_FUNDS'
  /** Another reason, explained in the note. */
  | 'OTHER'
  /** The client lives outside the receiver's area (no supply gap: the help may exist where the client lives). */
  | 'OUT_OF_AREA'
  /** Only a place on the waiting list (a supply gap). */
  | 'WAITLIST';

/**
 * A report period on the fixed grid of whole calendar months, quarters, half years and years in Europe/Amsterdam time,
 * e.g. `{ kind: QUARTER, year: 2026, number: 3 }` for July–September 2026. Only periods that have ended can be
 * reported: the figures of a running period change with every trajectory opened or closed.
 */
export type ReportPeriodInput = {
  /** The kind of period. */
  kind: ReportPeriodKind;
  /** The month (1–12), quarter (1–4) or half year (1–2) within the year; leave out for a YEAR. */
  number?: number | null | undefined;
  /** The calendar year (2000–2100). */
  year: number;
};

/**
 * The kind of a report period. Periods are whole calendar periods in Europe/Amsterdam time and nest: a year holds two half
 * years, a half year two quarters, a quarter three months.
 */
export type ReportPeriodKind =
  /** A half year: January–June is 1, July–December 2. */
  | 'HALF_YEAR'
  /** A calendar month (number 1–12). */
  | 'MONTH'
  /** A quarter: January–March is 1, April–June 2, July–September 3, October–December 4. */
  | 'QUARTER'
  /** A calendar year (no number). */
  | 'YEAR';

/**
 * A signal reported by a professional. Give the gemeente (the region follows from it) or, for a region-wide gap, only
 * the zorgkantoorregio.
 */
export type ReportSignalInput = {
  /** Age band of the clients concerned. */
  ageBand?: AgeBand | null | undefined;
  /** The kind of gap. */
  category: SignalCategory;
  /** Number of clients concerned (1–10000); defaults to 1. */
  clientCount?: number | null | undefined;
  /** Description, at most 2000 characters, without personal data (refused: BSN, e-mail, phone, postcode with house number, dates). */
  description?: string | null | undefined;
  /** Gemeente (GM + 4 digits). */
  gemeenteCode?: string | null | undefined;
  /** Legal domain. */
  legalDomain?: LegalDomain | null | undefined;
  /** Life domain. */
  lifeDomain?: LifeDomain | null | undefined;
  /** Date observed; not in the future, at most two years back. */
  observedOn: string;
  /** A sociale kaart organisation concerned. */
  organizationId?: string | number | null | undefined;
  /** A sociale kaart service concerned. */
  serviceId?: string | number | null | undefined;
  /** Target group concerned. */
  targetGroup?: TargetGroup | null | undefined;
  /** Wait in days (0–3650). */
  waitDays?: number | null | undefined;
  /** Wlz sector, for Wlz care. */
  wlzSector?: WlzSector | null | undefined;
  /** Zorgkantoorregio (ZK + 2 digits), when no gemeente is given; must match the gemeente's when both are. */
  zorgkantoorregioCode?: string | null | undefined;
};

/** The capacity states an organisation can report (UNKNOWN is derived, never reported). */
export type ReportedCapacityStatus =
  /** Can take a new client only after an extra assessment. */
  | 'ADDITIONAL_ASSESSMENT_REQUIRED'
  /** Can take a new client now. */
  | 'HAS_CAPACITY'
  /** Cannot take a new client now. */
  | 'NO_CAPACITY'
  /** Takes new clients onto a waiting list. */
  | 'WAITLIST';

/** A correction the client asks for. */
export type RequestCorrectionInput = {
  /** What is wrong and what it should be, 5–2000 characters, without a BSN. */
  description: string;
  /** The organisation that should correct it: one that supports the client. */
  organizationId: string | number;
  /** The trajectory it is about, at that organisation (optional). */
  trajectoryId?: string | number | null | undefined;
};

/** The privacy officer's review of a break-glass opening. */
export type ReviewBreakGlassInput = {
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The opening (UUID). */
  id: string | number;
  /** Whether the opening was justified. */
  justified: boolean;
  /** A note, 1–2000 characters, without a BSN. */
  note: string;
};

/** A consent to revoke. */
export type RevokeConsentInput = {
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The consent (UUID). */
  id: string | number;
};

/** Revoke an answer link. */
export type RevokeLightLinkInput = {
  /** The link (from lightLinks). */
  id: string | number;
};

/** A meeting of an overlegtafel. */
export type ScheduleMeetingInput = {
  /** Date of the meeting. */
  heldOn: string;
  /** Title (1–200 characters), without personal data. */
  title: string;
  /** The region. */
  zorgkantoorregioCode: string;
};

/** A self-reliance score as input (1–5). */
export type SelfRelianceScoreInput = {
  /** Score at the end, 1–5. */
  end: number;
  /** Life domain. */
  lifeDomain: LifeDomain;
  /** Score at the start, 1–5. */
  start: number;
};

/** The area a service serves. */
export type ServiceAreaInput = {
  /** Gemeente codes, for GEMEENTEN. */
  gemeenteCodes?: Array<string> | null | undefined;
  /** How the area is given. */
  scope: AreaScope;
  /** Zorgkantoorregio codes, for REGIONAL. */
  zorgkantoorregioCodes?: Array<string> | null | undefined;
};

/** Fields of a service. On create, name and serviceArea are required; on update, omitted fields stay as they are. */
export type ServiceInput = {
  /** How to apply (up to 2,000 characters). */
  applicationProcess?: string | null | undefined;
  /** Contact channels. */
  contact?: ContactChannelsInput | null | undefined;
  /** What it costs. */
  cost?: CostInput | null | undefined;
  /** Description (up to 5,000 characters). */
  description?: string | null | undefined;
  /** Who may use it (up to 2,000 characters). */
  eligibility?: string | null | undefined;
  /** Formal or informal. */
  formality?: Formality | null | undefined;
  /** Independent (OCO). */
  independent?: boolean | null | undefined;
  /** Languages, codes of Service.languages (nl, en, tr, ...): at least 1; each code is kept once. */
  languages?: Array<string> | null | undefined;
  /** Laws the service is financed under. */
  legalDomains?: Array<LegalDomain> | null | undefined;
  /** Wlz leveringsvormen (iWlz COD578); each value is kept once. */
  leveringsvormen?: Array<Leveringsvorm> | null | undefined;
  /** Life domains. */
  lifeDomains?: Array<LifeDomain> | null | undefined;
  /** Locations of the same organisation where it is delivered. */
  locationIds?: Array<string | number> | null | undefined;
  /** Maximum age (0 … 120, >= minimumAge). */
  maximumAge?: number | null | undefined;
  /** Minimum age (0 … 120). */
  minimumAge?: number | null | undefined;
  /** Name (1–200 characters). */
  name?: string | null | undefined;
  /** Opening hours: at most 14 rows; more gives BAD_USER_INPUT. */
  openingHours?: Array<OpeningHoursInput> | null | undefined;
  /** Service area. */
  serviceArea?: ServiceAreaInput | null | undefined;
  /** Support forms (cliëntondersteuning services). */
  supportForms?: Array<SupportForm> | null | undefined;
  /** Target groups. */
  targetGroups?: Array<TargetGroup> | null | undefined;
  /** Wlz sectors. */
  wlzSectors?: Array<WlzSector> | null | undefined;
  /** Wlz zorgprofielen: COD163 codes of Query.zorgprofielen (e.g. 754); another code gives BAD_USER_INPUT. Each code is kept once. */
  zorgprofielen?: Array<string> | null | undefined;
};

/** Filters for service search. Different filters combine with AND; the values inside one list filter combine with OR. */
export type ServiceSearchFilter = {
  /** Only formal or only informal services. */
  formality?: Formality | null | undefined;
  /** Only services that serve this gemeente (national services included). */
  gemeenteCode?: string | null | undefined;
  /** Only services whose fresh capacity report says HAS_CAPACITY. */
  hasCapacityNow?: boolean | null | undefined;
  /** Include inactive and defunct services (default: active and temporarily closed only). */
  includeInactive?: boolean | null | undefined;
  /** Only independent (OCO) services. */
  independentOnly?: boolean | null | undefined;
  /** Any of these languages: codes of Service.languages (nl, en, tr, ...); another code gives BAD_USER_INPUT. */
  languages?: Array<string> | null | undefined;
  /** Any of these legal domains. */
  legalDomains?: Array<LegalDomain> | null | undefined;
  /** Any of these Wlz leveringsvormen (iWlz COD578). */
  leveringsvormen?: Array<Leveringsvorm> | null | undefined;
  /** Any of these life domains. */
  lifeDomains?: Array<LifeDomain> | null | undefined;
  /**
   * Only services whose fresh capacity report (not older than CAPACITY_STALE_DAYS, and not NO_CAPACITY: full without a
   * waiting list) gives an expected waiting time of at most this many days (0 … 3650); other services are left out.
   */
  maxWaitingDays?: number | null | undefined;
  /** Only services with a location within this distance. */
  near?: NearInput | null | undefined;
  /** Any of these support forms. */
  supportForms?: Array<SupportForm> | null | undefined;
  /** Any of these target groups. */
  targetGroups?: Array<TargetGroup> | null | undefined;
  /** Any of these Wlz sectors. */
  wlzSectors?: Array<WlzSector> | null | undefined;
  /** Only services that serve (part of) this zorgkantoorregio (national services included). */
  zorgkantoorregioCode?: string | null | undefined;
  /** Any of these Wlz zorgprofielen: COD163 codes such as 754 (see zorgprofielen); another code gives BAD_USER_INPUT. */
  zorgprofielen?: Array<string> | null | undefined;
};

/** Orderings for service search. RELEVANCE needs `text` (otherwise name order); DISTANCE needs a `near` filter; WAITING_TIME needs none. */
export type ServiceSort =
  /** Nearest first; needs a `near` filter. */
  | 'DISTANCE'
  /** By name, A to Z. */
  | 'NAME'
  /** Best text match first; name order without `text`. */
  | 'RELEVANCE'
  /**
   * Shortest waiting time first (Capacity.expectedWaitDays of a fresh capacity report that is not NO_CAPACITY);
   * services without such a report come last, by id.
   */
  | 'WAITING_TIME';

/** Whether a service is running. TEMPORARILY_CLOSED services stay findable; DEFUNCT ones are kept for history only. */
export type ServiceStatus =
  /** Running; found by search. */
  | 'ACTIVE'
  /** Ended for good; kept for history only. */
  | 'DEFUNCT'
  /** Not running now; left out of search unless includeInactive. */
  | 'INACTIVE'
  /** Closed for a while; still found by search. */
  | 'TEMPORARILY_CLOSED';

/** How many follow-up signals reopen a resolved knelpunt. */
export type SetKnelpuntReopenThresholdInput = {
  /** The knelpunt. */
  knelpuntId: string | number;
  /** 1–1000 signals; null returns to the hub's default (SIGNALS_REOPEN_THRESHOLD, 5). */
  threshold?: number | null | undefined;
};

/** Name or unname a coordinator. */
export type SetNotificationCoordinatorInput = {
  /** True to receive the organisation's escalations. */
  coordinator: boolean;
  /** A recipient of your organisation. */
  recipientId: string | number;
};

/** A new vast gezicht for a trajectory. */
export type SetTrajectoryCounsellorInput = {
  /** The cliëntondersteuner with work contact details and availability. */
  counsellor: CounsellorInput;
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The trajectory (UUID). */
  id: string | number;
};

/**
 * What kind of gap a signal reports. NO_CAPACITY: the fitting offer exists but has no room; WAITING_TIME: too long a
 * wait (also a referral left unanswered past its deadline); NO_FITTING_OFFER: nothing in the region fits the question;
 * FALLS_BETWEEN_LAWS: the question falls between Wmo, Wlz, Jeugdwet, Zvw and the client gets nothing (e.g. around 18);
 * NOT_ELIGIBLE: the rules exclude the client although the need is real; ACCESSIBILITY: physically, digitally or
 * geographically out of reach (also "out of the service area"); QUALITY: care or support below the agreed standard;
 * INFORMATION: information about the offer is missing or wrong; COORDINATION: organisations do not work together;
 * OTHER: anything else.
 */
export type SignalCategory =
  /** Physically, digitally or geographically out of reach (also out of the service area). */
  | 'ACCESSIBILITY'
  /** Organisations do not work together. */
  | 'COORDINATION'
  /** The question falls between Wmo, Wlz, Jeugdwet and Zvw and the client gets nothing (e.g. around 18). */
  | 'FALLS_BETWEEN_LAWS'
  /** Information about the offer is missing or wrong. */
  | 'INFORMATION'
  /** The rules exclude the client although the need is real. */
  | 'NOT_ELIGIBLE'
  /** The fitting offer exists but has no room. */
  | 'NO_CAPACITY'
  /** Nothing in the region fits the question. */
  | 'NO_FITTING_OFFER'
  /** Anything else. */
  | 'OTHER'
  /** Care or support below the agreed standard. */
  | 'QUALITY'
  /** Too long a wait (also a referral left unanswered past its deadline). */
  | 'WAITING_TIME';

/** Dimensions an aggregation can be grouped by (besides region or gemeente, and period). */
export type SignalDimension =
  /** By signal category. */
  | 'CATEGORY'
  /** By legal domain. */
  | 'LEGAL_DOMAIN'
  /** By target group. */
  | 'TARGET_GROUP';

/**
 * Where a signal comes from. REPORTED: by a professional; GAP_EVENT: derived from a referral that was rejected for a
 * supply reason or left unanswered past its deadline (the referrals subgraph's supply-gap feed).
 */
export type SignalSource =
  /** Derived from a referral rejected for a supply reason or left unanswered past its deadline. */
  | 'GAP_EVENT'
  /** Reported by a professional. */
  | 'REPORTED';

/**
 * Aggregation scope and periods. Give zorgkantoorregioCodes (overlegtafel members of each region, or its zorgkantoor)
 * or gemeenteCode (the gemeente itself, or overlegtafel members of its region).
 */
export type SignalSummaryInput = {
  /** First period: 2025-07 for a month, 2025-Q3 for a quarter. */
  from: string;
  /** One gemeente, e.g. GM0153 (figures per quarter only). */
  gemeenteCode?: string | null | undefined;
  /** MONTH or QUARTER (QUARTER for a gemeente). */
  granularity: PeriodGranularity;
  /** Dimensions to group by; none gives one total row. */
  groupBy?: Array<SignalDimension>;
  /** Last period (inclusive); defaults to `from`. At most 24 periods, and its quarter must have ended (BAD_USER_INPUT otherwise). */
  to?: string | null | undefined;
  /** Regions, e.g. ["ZK22"]; at most 31. */
  zorgkantoorregioCodes?: Array<string> | null | undefined;
};

/** A half year to report on. */
export type StartHalfYearReportInput = {
  /** 1 for January–June, 2 for July–December; the half year must have ended. */
  half: number;
  /** The calendar year (2000–2100). */
  year: number;
};

/**
 * The seven forms of cliëntondersteuning: information and advice; help with a persoonlijk plan; choosing a Wlz provider
 * and care; the zorgplan; mediation when care falls short; complaints, objections and appeals; re-assessment (herindicatie).
 */
export type SupportForm =
  /** Mediation when care or support falls short. */
  | 'BEMIDDELING'
  /** Help with a re-assessment (herindicatie). */
  | 'HERINDICATIE'
  /** Information and advice. */
  | 'INFORMATIE_EN_ADVIES'
  /** Help choosing a Wlz care provider and care. */
  | 'KEUZE_ZORGAANBIEDER_EN_ZORG'
  /** Help with complaints, objections and appeals. */
  | 'KLACHTEN_BEZWAAR_BEROEP'
  /** Help with drawing up a persoonlijk plan. */
  | 'PERSOONLIJK_PLAN'
  /** Help with the zorgplan (the care plan agreed with the provider). */
  | 'ZORGPLAN';

/**
 * The area and period of the combined view of demand and supply. Give exactly one of gemeenteCode and
 * zorgkantoorregioCode.
 */
export type SupportOverviewInput = {
  /** A gemeente (GM + 4 digits, CBS 2025). */
  gemeenteCode?: string | null | undefined;
  /** An ended QUARTER, HALF_YEAR or YEAR on the report grid. */
  period: ReportPeriodInput;
  /** A zorgkantoorregio (ZK + 2 digits, CBS 2025). */
  zorgkantoorregioCode?: string | null | undefined;
};

/** Target groups (doelgroepen) named in the cliëntondersteuning policy texts, plus broad groups. */
export type TargetGroup =
  /** Older people living alone. */
  | 'ALLEENSTAANDE_OUDEREN'
  /** Every resident. */
  | 'ALLE_INWONERS'
  /** Children, young people and families. */
  | 'JEUGD_EN_GEZIN'
  /** Young people around 18, moving from youth care to adult support. */
  | 'JEUGD_RONDOM_18'
  /** People with a physical disability. */
  | 'LICHAMELIJKE_BEPERKING'
  /** People with a mild intellectual disability (LVB). */
  | 'LICHTE_VERSTANDELIJKE_BEPERKING'
  /** People in or leaving shelter (maatschappelijke opvang). */
  | 'MAATSCHAPPELIJKE_OPVANG'
  /** Informal carers (mantelzorgers). */
  | 'MANTELZORGERS'
  /** Older people. */
  | 'OUDEREN'
  /** People with a mental vulnerability. */
  | 'PSYCHISCHE_KWETSBAARHEID'
  /** People with an intellectual disability. */
  | 'VERSTANDELIJKE_BEPERKING'
  /** People with little or no social network. */
  | 'WEINIG_SOCIAAL_NETWERK'
  /** People with a sensory (visual or hearing) impairment. */
  | 'ZINTUIGLIJKE_BEPERKING';

/** Outcomes at closing. */
export type TrajectoryOutcomesInput = {
  /** Whether the client's own network was used. */
  ownNetworkUsed: boolean;
  /** Client satisfaction 1–10, when measured. */
  satisfaction?: number | null | undefined;
  /** Self-reliance per life domain. */
  selfReliance: Array<SelfRelianceScoreInput>;
};

/** Status of a support trajectory. */
export type TrajectoryStatus =
  /** Closed with a reason and outcomes. */
  | 'CLOSED'
  /** Support is going on. */
  | 'OPEN';

/** A change of state of a knelpunt. */
export type TransitionKnelpuntInput = {
  /** The version you last read; a stale one gives CONFLICT. */
  expectedVersion: number;
  /** The knelpunt. */
  knelpuntId: string | number;
  /** For ON_AGENDA: the meeting it is on the agenda of. */
  meetingId?: string | number | null | undefined;
  /** For RESOLVED, and required there: what solved it (1–4000 characters), without personal data. Not allowed for other states. */
  resolutionNote?: string | null | undefined;
  /** The new state. */
  to: KnelpuntStatus;
};

/** Which side of the reference date (the first decision, or the first action) a quarter of a knelpunt's trend lies on. */
export type TrendSide =
  /** The quarter holding the reference date, or a later one. */
  | 'AFTER'
  /** A quarter before the one holding the reference date. */
  | 'BEFORE';

/** Report capacity through a link. */
export type UpdateCapacityByLinkInput = {
  /** Expected waiting time in days (0 … 3650); for WAITLIST. */
  expectedWaitDays?: number | null | undefined;
  /** The capacity now. */
  status: LightCapacityStatus;
  /** The token from the link. */
  token: string;
};

/** The capacity of a service as reported now. */
export type UpdateCapacityInput = {
  /** The capacity as reported now. */
  capacity: CapacityInput;
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The service (UUID). */
  serviceId: string | number;
};

/** New texts of a report's narrative part; a text left out stays as it is. */
export type UpdateHalfYearReportNarrativeInput = {
  /** The version you last read; CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** What the provider saw (at most 8000 characters). */
  observations?: string | null | undefined;
  /** Developments and plans (at most 8000 characters). */
  outlook?: string | null | undefined;
  /** The report (UUID). */
  reportId: string | number;
  /** What it signalled (at most 8000 characters). */
  signalled?: string | null | undefined;
};

/** Changes to a location. */
export type UpdateLocationInput = {
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The location (UUID). */
  id: string | number;
  /** The changes; omitted fields keep their value. */
  location: LocationInput;
};

/** Your preferences to change; kinds not named keep theirs. */
export type UpdateMyNotificationPreferencesInput = {
  /** At most one per kind. */
  preferences: Array<NotificationPreferenceInput>;
};

/** The organisation's defaults to change; kinds not named keep theirs. */
export type UpdateOrganizationNotificationDefaultsInput = {
  /** At most one per kind; email null returns that kind to IMMEDIATE. */
  defaults: Array<NotificationPreferenceInput>;
};

/** Changes to a service. */
export type UpdateServiceInput = {
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The service (UUID). */
  id: string | number;
  /** The changes; omitted fields keep their value. */
  service: ServiceInput;
};

/** Changes to an open trajectory; omitted fields keep their value. */
export type UpdateTrajectoryInput = {
  /** Contact moments to add. */
  addContactMoments?: Array<ContactMomentInput> | null | undefined;
  /** The assigned cliëntondersteuner. */
  counsellor?: CounsellorInput | null | undefined;
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** Goals (replaces them). */
  goals?: Array<GoalInput> | null | undefined;
  /** The hulpvraag. */
  hulpvraag?: string | null | undefined;
  /** The trajectory (UUID). */
  id: string | number;
  /** Client journey phase. */
  journeyPhase?: JourneyPhase | null | undefined;
  /** Life domains (replaces them). */
  lifeDomains?: Array<LifeDomain> | null | undefined;
  /** Persoonlijk plan. */
  plan?: string | null | undefined;
  /** Support forms (replaces them). */
  supportForms?: Array<SupportForm> | null | undefined;
  /** Target groups (replaces them). */
  targetGroups?: Array<TargetGroup> | null | undefined;
  /** Wlz indication data (replaces it; Wlz trajectories only). */
  wlz?: WlzDetailsInput | null | undefined;
};

/** An object of your own organisation and the version you last read of it. */
export type VersionedIdInput = {
  /** The version you last read (its `version` field); CONFLICT when someone changed it since. */
  expectedVersion: number;
  /** The object (UUID). */
  id: string | number;
};

/** Wachtstatus of a Wlz client waiting for care, as monitored by the zorgkantoor. */
export type Wachtstatus =
  /** Actively being placed: the client wants care now. */
  | 'ACTIEF_PLAATSEN'
  /** Must be placed urgently. */
  | 'URGENT_PLAATSEN'
  /** Waits for a preferred provider or location. */
  | 'WACHT_OP_VOORKEUR'
  /** Waits as a precaution: does not want care yet. */
  | 'WACHT_UIT_VOORZORG';

/** Whether the resident accepted the offer of free, independent cliëntondersteuning when pointed to it. */
export type WijsplichtOutcome =
  /** The resident wants independent cliëntondersteuning. */
  | 'ACCEPTED'
  /** The resident does not want it. */
  | 'DECLINED'
  /** The resident has not decided yet. */
  | 'UNDECIDED';

/** Wlz indication data as input. */
export type WlzDetailsInput = {
  /** Preferred leveringsvorm (COD578). */
  leveringsvorm?: Leveringsvorm | null | undefined;
  /** Wlz sector. */
  sector?: WlzSector | null | undefined;
  /** Waiting status. */
  wachtstatus?: Wachtstatus | null | undefined;
  /** Zorgprofiel (iWlz COD163 code, e.g. 754). */
  zorgprofiel?: string | null | undefined;
};

/** The consent for the warm handover to the chosen OCO, as the client gave it to the klantadviseur. */
export type WlzHandoverConsentInput = {
  /** Who gave it. */
  givenBy: ConsentGiver;
  /** How it was recorded (WRITTEN or VERBAL). */
  recordedHow: ConsentRecording;
  /** The network member who gave it (required when givenBy is REPRESENTATIVE). */
  representativeId?: string | number | null | undefined;
  /** Valid until (exclusive); null for open-ended. */
  validUntil?: string | null | undefined;
};

/** Wlz sectors: VV verpleging en verzorging (elderly care), GZ gehandicaptenzorg (disability care), GGZ mental health. */
export type WlzSector =
  /** Geestelijke gezondheidszorg: mental health care. */
  | 'GGZ'
  /** Gehandicaptenzorg: disability care. */
  | 'GZ'
  /** Verpleging en verzorging: nursing and elderly care. */
  | 'VV';

/**
 * The client's choice of cliëntondersteuning after a Wlz indicatie (keuzevrijheid): support by the zorgkantoor itself,
 * by an independent cliëntondersteuning organisation (OCO), or none for now.
 */
export type WlzSupportChoice =
  /** The client does not want cliëntondersteuning now. */
  | 'NONE_FOR_NOW'
  /** An independent cliëntondersteuning organisation (OCO) of the sociale kaart supports the client. */
  | 'OCO'
  /** The zorgkantoor's own cliëntondersteuners support the client. */
  | 'ZORGKANTOOR';

/**
 * Where a worklist item "nieuwe indicaties" stands: OPEN until the client was contacted and their choice of
 * cliëntondersteuning recorded, then DONE.
 */
export type WlzWorklistStatus =
  /** Contacted, and the choice recorded. */
  | 'DONE'
  /** Contact or choice still to do. */
  | 'OPEN';

/** The outcome the region's zorgkantoor records for a knelpunt handed to zorginkoop. */
export type ZorginkoopOutcome =
  /** A purchasing agreement was made (status AGREED). */
  | 'AGREEMENT'
  /** The zorgkantoor will not purchase (status REFUSED). */
  | 'REFUSAL';

/** Where a knelpunt handed to zorginkoop stands. */
export type ZorginkoopStatus =
  /** The zorgkantoor made a purchasing agreement. */
  | 'AGREED'
  /** Handed to the region's zorgkantoor; waiting for its outcome. */
  | 'ASKED'
  /** The zorgkantoor refused. */
  | 'REFUSED';

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { notifications: { unreadCount: number } };

export type SignedInOrganizationQueryVariables = Exact<{
  id: string | number;
}>;


export type SignedInOrganizationQuery = { organization: { id: string, name: string, type: OrganizationType } | null };

export type ConsultableOrganizationsQueryVariables = Exact<{
  type: OrganizationType;
  after?: string | null | undefined;
}>;


export type ConsultableOrganizationsQuery = { organizations: { nodes: Array<{ id: string, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsultationPartsFragment = { id: string, status: ConsultationStatus, version: number, question: string, lifeDomains: Array<LifeDomain>, targetGroup: TargetGroup | null, askedAt: string, answer: string | null, answeredAt: string | null, endedAt: string | null };

export type AskConsultationFormMutationVariables = Exact<{
  input: AskConsultationInput;
}>;


export type AskConsultationFormMutation = { askConsultation: { consultation: { id: string, status: ConsultationStatus, version: number, question: string, lifeDomains: Array<LifeDomain>, targetGroup: TargetGroup | null, askedAt: string, answer: string | null, answeredAt: string | null, endedAt: string | null } } };

export type MyConsultationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MyConsultationsQuery = { consultationOutbox: { totalCount: number, nodes: Array<{ id: string, status: ConsultationStatus, version: number, question: string, lifeDomains: Array<LifeDomain>, targetGroup: TargetGroup | null, askedAt: string, answer: string | null, answeredAt: string | null, endedAt: string | null, toOrganization: { id: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsultationInboxPageQueryVariables = Exact<{
  status?: ConsultationStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ConsultationInboxPageQuery = { consultationInbox: { totalCount: number, nodes: Array<{ id: string, status: ConsultationStatus, version: number, question: string, lifeDomains: Array<LifeDomain>, targetGroup: TargetGroup | null, askedAt: string, answer: string | null, answeredAt: string | null, endedAt: string | null, fromOrganization: { id: string, name: string, type: OrganizationType } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AnswerConsultationFormMutationVariables = Exact<{
  input: AnswerConsultationInput;
}>;


export type AnswerConsultationFormMutation = { answerConsultation: { consultation: { id: string, status: ConsultationStatus, version: number, question: string, lifeDomains: Array<LifeDomain>, targetGroup: TargetGroup | null, askedAt: string, answer: string | null, answeredAt: string | null, endedAt: string | null } } };

export type CloseConsultationButtonMutationVariables = Exact<{
  input: ConsultationVersionInput;
}>;


export type CloseConsultationButtonMutation = { closeConsultation: { consultation: { id: string, status: ConsultationStatus, version: number, question: string, lifeDomains: Array<LifeDomain>, targetGroup: TargetGroup | null, askedAt: string, answer: string | null, answeredAt: string | null, endedAt: string | null } } };

export type WithdrawConsultationButtonMutationVariables = Exact<{
  input: ConsultationVersionInput;
}>;


export type WithdrawConsultationButtonMutation = { withdrawConsultation: { consultation: { id: string, status: ConsultationStatus, version: number, question: string, lifeDomains: Array<LifeDomain>, targetGroup: TargetGroup | null, askedAt: string, answer: string | null, answeredAt: string | null, endedAt: string | null } } };

export type BeheerServiceFragment = { id: string, name: string, status: ServiceStatus, version: number, legalDomains: Array<LegalDomain>, leveringsvormen: Array<Leveringsvorm>, zorgprofielen: Array<{ code: string, name: string }>, capacity: { status: CapacityStatus, reportedStatus: CapacityStatus | null, available: number | null, maximum: number | null, unit: string | null, expectedWaitDays: number | null, updatedAt: string | null, stale: boolean }, freshness: { lastVerifiedAt: string | null, stale: boolean } };

export type BeheerLocationFragment = { id: string, name: string, address: string | null, postalCode: string | null, city: string | null, accessibility: string | null, confidential: boolean, version: number };

export type BeheerOrganizationQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type BeheerOrganizationQuery = { organization: { id: string, name: string, services: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, status: ServiceStatus, version: number, legalDomains: Array<LegalDomain>, leveringsvormen: Array<Leveringsvorm>, zorgprofielen: Array<{ code: string, name: string }>, capacity: { status: CapacityStatus, reportedStatus: CapacityStatus | null, available: number | null, maximum: number | null, unit: string | null, expectedWaitDays: number | null, updatedAt: string | null, stale: boolean }, freshness: { lastVerifiedAt: string | null, stale: boolean } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, locations: { totalCount: number, nodes: Array<{ id: string, name: string, address: string | null, postalCode: string | null, city: string | null, accessibility: string | null, confidential: boolean, version: number }> } } | null };

export type BeheerUpdateCapacityMutationVariables = Exact<{
  input: UpdateCapacityInput;
}>;


export type BeheerUpdateCapacityMutation = { updateCapacity: { service: { id: string, name: string, status: ServiceStatus, version: number, legalDomains: Array<LegalDomain>, leveringsvormen: Array<Leveringsvorm>, zorgprofielen: Array<{ code: string, name: string }>, capacity: { status: CapacityStatus, reportedStatus: CapacityStatus | null, available: number | null, maximum: number | null, unit: string | null, expectedWaitDays: number | null, updatedAt: string | null, stale: boolean }, freshness: { lastVerifiedAt: string | null, stale: boolean } } } };

export type BeheerUpdateWlzCareMutationVariables = Exact<{
  input: UpdateServiceInput;
}>;


export type BeheerUpdateWlzCareMutation = { updateService: { service: { id: string, name: string, status: ServiceStatus, version: number, legalDomains: Array<LegalDomain>, leveringsvormen: Array<Leveringsvorm>, zorgprofielen: Array<{ code: string, name: string }>, capacity: { status: CapacityStatus, reportedStatus: CapacityStatus | null, available: number | null, maximum: number | null, unit: string | null, expectedWaitDays: number | null, updatedAt: string | null, stale: boolean }, freshness: { lastVerifiedAt: string | null, stale: boolean } } } };

export type BeheerMarkVerifiedMutationVariables = Exact<{
  input: VersionedIdInput;
}>;


export type BeheerMarkVerifiedMutation = { markServiceVerified: { service: { id: string, name: string, status: ServiceStatus, version: number, legalDomains: Array<LegalDomain>, leveringsvormen: Array<Leveringsvorm>, zorgprofielen: Array<{ code: string, name: string }>, capacity: { status: CapacityStatus, reportedStatus: CapacityStatus | null, available: number | null, maximum: number | null, unit: string | null, expectedWaitDays: number | null, updatedAt: string | null, stale: boolean }, freshness: { lastVerifiedAt: string | null, stale: boolean } } } };

export type BeheerCreateLocationMutationVariables = Exact<{
  input: LocationInput;
}>;


export type BeheerCreateLocationMutation = { createLocation: { location: { id: string, name: string, address: string | null, postalCode: string | null, city: string | null, accessibility: string | null, confidential: boolean, version: number } } };

export type BeheerUpdateLocationMutationVariables = Exact<{
  input: UpdateLocationInput;
}>;


export type BeheerUpdateLocationMutation = { updateLocation: { location: { id: string, name: string, address: string | null, postalCode: string | null, city: string | null, accessibility: string | null, confidential: boolean, version: number } } };

export type OrganizationNotificationDefaultsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationNotificationDefaultsQuery = { organizationNotificationSettings: { organizationId: string, defaults: Array<{ kind: NotificationKind, email: EmailDelivery, inherited: boolean }> } };

export type UpdateOrganizationNotificationDefaultsMutationVariables = Exact<{
  input: UpdateOrganizationNotificationDefaultsInput;
}>;


export type UpdateOrganizationNotificationDefaultsMutation = { updateOrganizationNotificationDefaults: { settings: { organizationId: string, defaults: Array<{ kind: NotificationKind, email: EmailDelivery, inherited: boolean }> } } };

export type NotificationRecipientsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NotificationRecipientsQuery = { notificationRecipients: { totalCount: number, nodes: Array<{ id: string, name: string | null, coordinator: boolean, lastSeenAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SetNotificationCoordinatorMutationVariables = Exact<{
  input: SetNotificationCoordinatorInput;
}>;


export type SetNotificationCoordinatorMutation = { setNotificationCoordinator: { recipient: { id: string, name: string | null, coordinator: boolean, lastSeenAt: string } } };

export type CaseloadQueryVariables = Exact<{
  status?: TrajectoryStatus | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CaseloadQuery = { myTrajectories: { nodes: Array<{ id: string, status: TrajectoryStatus, openedAt: string, legalDomain: LegalDomain | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type GemeentenQueryVariables = Exact<{ [key: string]: never; }>;


export type GemeentenQuery = { gemeenten: Array<{ code: string, name: string }> };

export type RegisterClientMutationVariables = Exact<{
  input: RegisterClientInput;
}>;


export type RegisterClientMutation = { registerClient: { client: { id: string } } };

export type OpenTrajectoryMutationVariables = Exact<{
  input: OpenTrajectoryInput;
}>;


export type OpenTrajectoryMutation = { openTrajectory: { trajectory: { id: string } } };

export type ClientAcrossDomainsQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientAcrossDomainsQuery = { client: { id: string, version: number, dateOfBirth: string | null, preferredContactChannel: ContactChannel | null, name: { givenName: string, namePrefix: string | null, familyName: string } | null, gemeente: { code: string, name: string } | null, contact: { phone: string | null, email: string | null, address: string | null } | null, network: Array<{ id: string, name: string, role: NetworkRole, mayActForClient: boolean }> | null, trajectories: { nodes: Array<{ id: string, status: TrajectoryStatus, openedAt: string, closedAt: string | null, legalDomain: LegalDomain | null, journeyPhase: JourneyPhase | null, supportForms: Array<SupportForm> | null, closeReason: CloseReason | null, hulpvraag: string | null, lifeDomains: Array<LifeDomain> | null, targetGroups: Array<TargetGroup> | null, plan: string | null, organization: { id: string, name: string, type: OrganizationType } | null, counsellor: { name: string, formality: Formality } | null, wlz: { sector: WlzSector | null, zorgprofiel: string | null, leveringsvorm: Leveringsvorm | null, wachtstatus: Wachtstatus | null } | null, goals: Array<{ id: string }> | null, contactMoments: { nodes: Array<{ id: string }> } | null }> }, consents: { nodes: Array<{ id: string, version: number, status: ConsentStatus, purpose: ConsentPurpose, categories: Array<ConsentCategory>, validFrom: string, validUntil: string | null, givenBy: ConsentGiver, recordedHow: ConsentRecording, revokedAt: string | null, receivingOrganizationType: OrganizationType | null, receivingRegionCode: string | null, receivingOrganization: { id: string, name: string } | null, recordedByOrganization: { id: string, name: string } }> } } | null };

export type ConsentReceiversQueryVariables = Exact<{
  type: OrganizationType;
}>;


export type ConsentReceiversQuery = { organizations: { totalCount: number, nodes: Array<{ id: string, name: string }> } };

export type RecordConsentMutationVariables = Exact<{
  input: RecordConsentInput;
}>;


export type RecordConsentMutation = { recordConsent: { consent: { id: string, status: ConsentStatus } } };

export type RevokeConsentMutationVariables = Exact<{
  input: RevokeConsentInput;
}>;


export type RevokeConsentMutation = { revokeConsent: { consent: { id: string, status: ConsentStatus } } };

export type TrajectoryDetailFragment = { id: string, version: number, status: TrajectoryStatus, openedAt: string, closedAt: string | null, closeReason: CloseReason | null, legalDomain: LegalDomain | null, journeyPhase: JourneyPhase | null, hulpvraag: string | null, lifeDomains: Array<LifeDomain> | null, plan: string | null, organization: { id: string, name: string } | null, counsellor: { userId: string | null, name: string, formality: Formality, workPhone: string | null, workEmail: string | null, availability: string | null } | null, wijsplicht: { pointedOn: string, pointedByName: string | null, outcome: WijsplichtOutcome, note: string | null } | null, goals: Array<{ id: string, description: string, status: GoalStatus }> | null, contactMoments: { nodes: Array<{ id: string, occurredAt: string, channel: ContactChannel, summary: string }> } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null } };

export type TrajectoryDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type TrajectoryDetailQuery = { trajectory: { id: string, version: number, status: TrajectoryStatus, openedAt: string, closedAt: string | null, closeReason: CloseReason | null, legalDomain: LegalDomain | null, journeyPhase: JourneyPhase | null, hulpvraag: string | null, lifeDomains: Array<LifeDomain> | null, plan: string | null, organization: { id: string, name: string } | null, counsellor: { userId: string | null, name: string, formality: Formality, workPhone: string | null, workEmail: string | null, availability: string | null } | null, wijsplicht: { pointedOn: string, pointedByName: string | null, outcome: WijsplichtOutcome, note: string | null } | null, goals: Array<{ id: string, description: string, status: GoalStatus }> | null, contactMoments: { nodes: Array<{ id: string, occurredAt: string, channel: ContactChannel, summary: string }> } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null } } | null };

export type UpdateTrajectoryMutationVariables = Exact<{
  input: UpdateTrajectoryInput;
}>;


export type UpdateTrajectoryMutation = { updateTrajectory: { trajectory: { id: string, version: number, status: TrajectoryStatus, openedAt: string, closedAt: string | null, closeReason: CloseReason | null, legalDomain: LegalDomain | null, journeyPhase: JourneyPhase | null, hulpvraag: string | null, lifeDomains: Array<LifeDomain> | null, plan: string | null, organization: { id: string, name: string } | null, counsellor: { userId: string | null, name: string, formality: Formality, workPhone: string | null, workEmail: string | null, availability: string | null } | null, wijsplicht: { pointedOn: string, pointedByName: string | null, outcome: WijsplichtOutcome, note: string | null } | null, goals: Array<{ id: string, description: string, status: GoalStatus }> | null, contactMoments: { nodes: Array<{ id: string, occurredAt: string, channel: ContactChannel, summary: string }> } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null } } } };

export type SetTrajectoryCounsellorMutationVariables = Exact<{
  input: SetTrajectoryCounsellorInput;
}>;


export type SetTrajectoryCounsellorMutation = { setTrajectoryCounsellor: { trajectory: { id: string, version: number, status: TrajectoryStatus, openedAt: string, closedAt: string | null, closeReason: CloseReason | null, legalDomain: LegalDomain | null, journeyPhase: JourneyPhase | null, hulpvraag: string | null, lifeDomains: Array<LifeDomain> | null, plan: string | null, organization: { id: string, name: string } | null, counsellor: { userId: string | null, name: string, formality: Formality, workPhone: string | null, workEmail: string | null, availability: string | null } | null, wijsplicht: { pointedOn: string, pointedByName: string | null, outcome: WijsplichtOutcome, note: string | null } | null, goals: Array<{ id: string, description: string, status: GoalStatus }> | null, contactMoments: { nodes: Array<{ id: string, occurredAt: string, channel: ContactChannel, summary: string }> } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null } } } };

export type RecordWijsplichtMutationVariables = Exact<{
  input: RecordWijsplichtInput;
}>;


export type RecordWijsplichtMutation = { recordWijsplicht: { trajectory: { id: string, version: number, status: TrajectoryStatus, openedAt: string, closedAt: string | null, closeReason: CloseReason | null, legalDomain: LegalDomain | null, journeyPhase: JourneyPhase | null, hulpvraag: string | null, lifeDomains: Array<LifeDomain> | null, plan: string | null, organization: { id: string, name: string } | null, counsellor: { userId: string | null, name: string, formality: Formality, workPhone: string | null, workEmail: string | null, availability: string | null } | null, wijsplicht: { pointedOn: string, pointedByName: string | null, outcome: WijsplichtOutcome, note: string | null } | null, goals: Array<{ id: string, description: string, status: GoalStatus }> | null, contactMoments: { nodes: Array<{ id: string, occurredAt: string, channel: ContactChannel, summary: string }> } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null } } } };

export type CloseTrajectoryMutationVariables = Exact<{
  input: CloseTrajectoryInput;
}>;


export type CloseTrajectoryMutation = { closeTrajectory: { trajectory: { id: string, version: number, status: TrajectoryStatus, openedAt: string, closedAt: string | null, closeReason: CloseReason | null, legalDomain: LegalDomain | null, journeyPhase: JourneyPhase | null, hulpvraag: string | null, lifeDomains: Array<LifeDomain> | null, plan: string | null, organization: { id: string, name: string } | null, counsellor: { userId: string | null, name: string, formality: Formality, workPhone: string | null, workEmail: string | null, availability: string | null } | null, wijsplicht: { pointedOn: string, pointedByName: string | null, outcome: WijsplichtOutcome, note: string | null } | null, goals: Array<{ id: string, description: string, status: GoalStatus }> | null, contactMoments: { nodes: Array<{ id: string, occurredAt: string, channel: ContactChannel, summary: string }> } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null } } } };

export type ConsentClientQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsentClientQuery = { client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null, network: Array<{ id: string, name: string, role: NetworkRole, mayActForClient: boolean }> | null } | null };

export type BreakGlassSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type BreakGlassSettingsQuery = { breakGlassSettings: { enabled: boolean, durationHours: number, dailyLimit: number } };

export type OpenBreakGlassMutationVariables = Exact<{
  input: OpenBreakGlassInput;
}>;


export type OpenBreakGlassMutation = { openBreakGlass: { breakGlass: { id: string, clientId: string, openedAt: string, expiresAt: string, active: boolean } } };

export type CorrectionRequestsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CorrectionRequestsQuery = { correctionRequests: { nodes: Array<{ id: string, clientId: string, trajectoryId: string | null, description: string, givenBy: ConsentGiver, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LightLinkPageQueryVariables = Exact<{
  token: string;
}>;


export type LightLinkPageQuery = { lightLink: { action: LightLinkAction, expiresAt: string, handover: { fromOrganizationName: string, serviceName: string | null, respondBy: string | null } | null, service: { name: string, organizationName: string } | null } | null };

export type AnswerHandoverByLinkMutationVariables = Exact<{
  input: AnswerHandoverByLinkInput;
}>;


export type AnswerHandoverByLinkMutation = { answerHandoverByLink: { done: boolean } };

export type UpdateCapacityByLinkMutationVariables = Exact<{
  input: UpdateCapacityByLinkInput;
}>;


export type UpdateCapacityByLinkMutation = { updateCapacityByLink: { done: boolean } };

export type NotificationListQueryVariables = Exact<{
  unreadOnly?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NotificationListQuery = { notifications: { totalCount: number, unreadCount: number, nodes: Array<{ id: string, kind: NotificationKind, occurredAt: string, itemType: NotificationItemType, itemId: string, path: string, dueDate: string | null, readAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { marked: number, unreadCount: number } };

export type NotificationSettingsFieldsFragment = { email: string | null, coordinator: boolean, preferences: Array<{ kind: NotificationKind, email: EmailDelivery, inherited: boolean }> };

export type MyNotificationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyNotificationSettingsQuery = { myNotificationSettings: { email: string | null, coordinator: boolean, preferences: Array<{ kind: NotificationKind, email: EmailDelivery, inherited: boolean }> } };

export type UpdateMyNotificationPreferencesMutationVariables = Exact<{
  input: UpdateMyNotificationPreferencesInput;
}>;


export type UpdateMyNotificationPreferencesMutation = { updateMyNotificationPreferences: { settings: { email: string | null, coordinator: boolean, preferences: Array<{ kind: NotificationKind, email: EmailDelivery, inherited: boolean }> } } };

export type MySupportOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type MySupportOverviewQuery = { mySupport: { id: string, actingAs: ClientActor, name: { givenName: string, namePrefix: string | null, familyName: string }, trajectories: { totalCount: number, nodes: Array<{ id: string, legalDomain: LegalDomain, journeyPhase: JourneyPhase, status: TrajectoryStatus, hulpvraag: string, openedAt: string, closedAt: string | null, organization: { id: string, name: string }, contactPerson: { name: string, formality: Formality, workPhone: string | null, workEmail: string | null, availability: string | null, organization: { id: string, name: string, email: string | null, website: string | null, phones: Array<{ number: string, description: string | null }> } } }> }, handoversInProgress: { totalCount: number, nodes: Array<{ id: string, kind: string, status: string, sentAt: string | null, respondBy: string | null, jointMeetingPlannedAt: string | null, statusChangedAt: string, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } }> } | null } | null };

export type MyConsentLineFragment = { id: string, receivingOrganizationType: OrganizationType | null, receivingRegionCode: string | null, categories: Array<ConsentCategory>, purpose: ConsentPurpose, validFrom: string, validUntil: string | null, givenBy: ConsentGiver, recordedHow: ConsentRecording, revokedAt: string | null, status: ConsentStatus, version: number, sharingOrganization: { id: string, name: string }, receivingOrganization: { id: string, name: string } | null };

export type MyConsentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyConsentsQuery = { mySupport: { id: string, trajectories: { nodes: Array<{ id: string, status: TrajectoryStatus, organization: { id: string, name: string } }> }, consents: { totalCount: number, nodes: Array<{ id: string, receivingOrganizationType: OrganizationType | null, receivingRegionCode: string | null, categories: Array<ConsentCategory>, purpose: ConsentPurpose, validFrom: string, validUntil: string | null, givenBy: ConsentGiver, recordedHow: ConsentRecording, revokedAt: string | null, status: ConsentStatus, version: number, sharingOrganization: { id: string, name: string }, receivingOrganization: { id: string, name: string } | null }> } } | null };

export type MyConsentReceiversQueryVariables = Exact<{
  type: OrganizationType;
}>;


export type MyConsentReceiversQuery = { organizations: { nodes: Array<{ id: string, name: string }> } };

export type MyGiveConsentMutationVariables = Exact<{
  input: GiveConsentInput;
}>;


export type MyGiveConsentMutation = { giveConsent: { consent: { id: string, receivingOrganizationType: OrganizationType | null, receivingRegionCode: string | null, categories: Array<ConsentCategory>, purpose: ConsentPurpose, validFrom: string, validUntil: string | null, givenBy: ConsentGiver, recordedHow: ConsentRecording, revokedAt: string | null, status: ConsentStatus, version: number, sharingOrganization: { id: string, name: string }, receivingOrganization: { id: string, name: string } | null } } };

export type MyChangeConsentPeriodMutationVariables = Exact<{
  input: ChangeConsentPeriodInput;
}>;


export type MyChangeConsentPeriodMutation = { changeConsentPeriod: { consent: { id: string, receivingOrganizationType: OrganizationType | null, receivingRegionCode: string | null, categories: Array<ConsentCategory>, purpose: ConsentPurpose, validFrom: string, validUntil: string | null, givenBy: ConsentGiver, recordedHow: ConsentRecording, revokedAt: string | null, status: ConsentStatus, version: number, sharingOrganization: { id: string, name: string }, receivingOrganization: { id: string, name: string } | null } } };

export type MyRevokeConsentMutationVariables = Exact<{
  input: RevokeConsentInput;
}>;


export type MyRevokeConsentMutation = { revokeMyConsent: { consent: { id: string, receivingOrganizationType: OrganizationType | null, receivingRegionCode: string | null, categories: Array<ConsentCategory>, purpose: ConsentPurpose, validFrom: string, validUntil: string | null, givenBy: ConsentGiver, recordedHow: ConsentRecording, revokedAt: string | null, status: ConsentStatus, version: number, sharingOrganization: { id: string, name: string }, receivingOrganization: { id: string, name: string } | null } } };

export type MyAccessLogQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyAccessLogQuery = { mySupport: { id: string, accessLog: { edges: Array<{ cursor: string, node: { eventId: string, occurredAt: string, action: AccessAction, outcome: AccessOutcome, outcomeReason: string | null, userName: string | null, role: string, onBehalfOf: string | null, dataCategories: Array<string>, authorizationGround: string, organization: { id: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, breakGlassOpenings: { totalCount: number, nodes: Array<{ id: string, role: string, reason: string, openedAt: string, expiresAt: string, organization: { id: string, name: string } }> } } | null };

export type MyDataExportQueryVariables = Exact<{ [key: string]: never; }>;


export type MyDataExportQuery = { myDataExport: { generatedAt: string, fileName: string, json: string } | null };

export type MyCorrectionTargetsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCorrectionTargetsQuery = { mySupport: { id: string, trajectories: { nodes: Array<{ id: string, legalDomain: LegalDomain, status: TrajectoryStatus, organization: { id: string, name: string } }> } } | null };

export type MyRequestCorrectionMutationVariables = Exact<{
  input: RequestCorrectionInput;
}>;


export type MyRequestCorrectionMutation = { requestCorrection: { correctionRequest: { id: string, createdAt: string, organization: { id: string, name: string } } } };

export type OverlegtafelQuarterQueryVariables = Exact<{
  region: string;
  from: string;
  to: string;
}>;


export type OverlegtafelQuarterQuery = { zorgkantoorregio: { code: string, name: string, signalSummary: Array<{ period: string, startsOn: string, endsOn: string, medianWaitDays: number | null, total: { signals: number | null, withheld: boolean, previousSignals: number | null, previousWithheld: boolean, change: number | null }, cells: Array<{ category: SignalCategory | null, signals: number | null, withheld: boolean, previousSignals: number | null, previousWithheld: boolean, change: number | null }>, topNoCapacityServices: Array<{ signals: number, service: { id: string, name: string } | null }>, topNoCapacityOrganizations: Array<{ signals: number, organization: { id: string, name: string } | null }> }> | null } | null, overlegtafel: { id: string, name: string, knelpunten: { totalCount: number, nodes: Array<{ id: string, title: string, status: KnelpuntStatus, signalCount: number | null, updatedAt: string, meeting: { id: string, heldOn: string, title: string } | null }> } } | null };

export type OverlegtafelCsvQueryVariables = Exact<{
  input: SignalSummaryInput;
}>;


export type OverlegtafelCsvQuery = { signalSummaryCsv: string };

export type KnelpuntListItemFragment = { id: string, title: string, status: KnelpuntStatus, signalCount: number | null, updatedAt: string, meeting: { id: string, heldOn: string, title: string } | null };

export type SignalListItemFragment = { id: string, source: SignalSource, category: SignalCategory, targetGroup: TargetGroup | null, ageBand: AgeBand | null, legalDomain: LegalDomain | null, wlzSector: WlzSector | null, lifeDomain: LifeDomain | null, observedOn: string, waitDays: number | null, clientCount: number, description: string | null, gapReason: GapReason | null, gemeente: { code: string, name: string } | null, service: { id: string, name: string } | null, organization: { id: string, name: string } | null, reporterOrganization: { id: string, name: string } | null, knelpunt: { id: string, title: string } | null };

export type OverlegtafelSignalsQueryVariables = Exact<{
  region: string;
  from: string;
  to: string;
  onlyUngrouped?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OverlegtafelSignalsQuery = { overlegtafel: { id: string, signals: { nodes: Array<{ id: string, source: SignalSource, category: SignalCategory, targetGroup: TargetGroup | null, ageBand: AgeBand | null, legalDomain: LegalDomain | null, wlzSector: WlzSector | null, lifeDomain: LifeDomain | null, observedOn: string, waitDays: number | null, clientCount: number, description: string | null, gapReason: GapReason | null, gemeente: { code: string, name: string } | null, service: { id: string, name: string } | null, organization: { id: string, name: string } | null, reporterOrganization: { id: string, name: string } | null, knelpunt: { id: string, title: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, knelpunten: { nodes: Array<{ id: string, title: string }> } } | null };

export type CreateKnelpuntMutationVariables = Exact<{
  input: CreateKnelpuntInput;
}>;


export type CreateKnelpuntMutation = { createKnelpunt: { knelpunt: { id: string } } };

export type AddSignalsToKnelpuntMutationVariables = Exact<{
  input: AddSignalsToKnelpuntInput;
}>;


export type AddSignalsToKnelpuntMutation = { addSignalsToKnelpunt: { knelpunt: { id: string } } };

export type KnelpuntDetailFragment = { id: string, title: string, description: string, status: KnelpuntStatus, version: number, signalCount: number | null, clientCount: number | null, createdAt: string, updatedAt: string, reopenThreshold: number, zorgkantoorregio: { code: string, name: string }, meeting: { id: string, heldOn: string, title: string } | null, signals: { totalCount: number, nodes: Array<{ id: string, source: SignalSource, category: SignalCategory, targetGroup: TargetGroup | null, ageBand: AgeBand | null, legalDomain: LegalDomain | null, wlzSector: WlzSector | null, lifeDomain: LifeDomain | null, observedOn: string, waitDays: number | null, clientCount: number, description: string | null, gapReason: GapReason | null, gemeente: { code: string, name: string } | null, service: { id: string, name: string } | null, organization: { id: string, name: string } | null, reporterOrganization: { id: string, name: string } | null, knelpunt: { id: string, title: string } | null }> }, decisions: { totalCount: number, nodes: Array<{ id: string, text: string, decidedOn: string, meeting: { id: string, title: string } | null }> }, actions: { totalCount: number, nodes: Array<{ id: string, description: string, dueOn: string, status: ActionStatus, overdue: boolean, completedAt: string | null, owner: { id: string, name: string } }> }, feedback: { totalCount: number, nodes: Array<{ id: string, text: string, createdAt: string }> }, resolution: { note: string, resolvedOn: string } | null, zorginkoop: { status: ZorginkoopStatus, question: string, askedOn: string, outcome: string | null, decidedOn: string | null } | null, history: { totalCount: number, nodes: Array<{ from: KnelpuntStatus, to: KnelpuntStatus, at: string, automatic: boolean, by: { id: string, name: string } | null }> } };

export type KnelpuntQueryVariables = Exact<{
  id: string | number;
  region: string;
}>;


export type KnelpuntQuery = { knelpunt: { id: string, title: string, description: string, status: KnelpuntStatus, version: number, signalCount: number | null, clientCount: number | null, createdAt: string, updatedAt: string, reopenThreshold: number, zorgkantoorregio: { code: string, name: string }, meeting: { id: string, heldOn: string, title: string } | null, signals: { totalCount: number, nodes: Array<{ id: string, source: SignalSource, category: SignalCategory, targetGroup: TargetGroup | null, ageBand: AgeBand | null, legalDomain: LegalDomain | null, wlzSector: WlzSector | null, lifeDomain: LifeDomain | null, observedOn: string, waitDays: number | null, clientCount: number, description: string | null, gapReason: GapReason | null, gemeente: { code: string, name: string } | null, service: { id: string, name: string } | null, organization: { id: string, name: string } | null, reporterOrganization: { id: string, name: string } | null, knelpunt: { id: string, title: string } | null }> }, decisions: { totalCount: number, nodes: Array<{ id: string, text: string, decidedOn: string, meeting: { id: string, title: string } | null }> }, actions: { totalCount: number, nodes: Array<{ id: string, description: string, dueOn: string, status: ActionStatus, overdue: boolean, completedAt: string | null, owner: { id: string, name: string } }> }, feedback: { totalCount: number, nodes: Array<{ id: string, text: string, createdAt: string }> }, resolution: { note: string, resolvedOn: string } | null, zorginkoop: { status: ZorginkoopStatus, question: string, askedOn: string, outcome: string | null, decidedOn: string | null } | null, history: { totalCount: number, nodes: Array<{ from: KnelpuntStatus, to: KnelpuntStatus, at: string, automatic: boolean, by: { id: string, name: string } | null }> } } | null, overlegtafel: { id: string, members: Array<{ id: string, name: string }>, meetings: { nodes: Array<{ id: string, heldOn: string, title: string }> } } | null };

export type KnelpuntTrendQueryVariables = Exact<{
  id: string | number;
}>;


export type KnelpuntTrendQuery = { knelpunt: { id: string, trend: { referenceDate: string | null, quarters: Array<{ quarter: string, side: TrendSide, startsOn: string, endsOn: string, signals: number, clients: number, followUpSignals: number }> } | null } | null };

export type KnelpuntFollowUpsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type KnelpuntFollowUpsQuery = { knelpunt: { id: string, followUpSignals: { totalCount: number, nodes: Array<{ id: string, source: SignalSource, category: SignalCategory, targetGroup: TargetGroup | null, ageBand: AgeBand | null, legalDomain: LegalDomain | null, wlzSector: WlzSector | null, lifeDomain: LifeDomain | null, observedOn: string, waitDays: number | null, clientCount: number, description: string | null, gapReason: GapReason | null, gemeente: { code: string, name: string } | null, service: { id: string, name: string } | null, organization: { id: string, name: string } | null, reporterOrganization: { id: string, name: string } | null, knelpunt: { id: string, title: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type SetKnelpuntReopenThresholdMutationVariables = Exact<{
  input: SetKnelpuntReopenThresholdInput;
}>;


export type SetKnelpuntReopenThresholdMutation = { setKnelpuntReopenThreshold: { knelpunt: { id: string, reopenThreshold: number } } };

export type HandKnelpuntToZorginkoopMutationVariables = Exact<{
  input: HandKnelpuntToZorginkoopInput;
}>;


export type HandKnelpuntToZorginkoopMutation = { handKnelpuntToZorginkoop: { knelpunt: { id: string } } };

export type RecordZorginkoopOutcomeMutationVariables = Exact<{
  input: RecordZorginkoopOutcomeInput;
}>;


export type RecordZorginkoopOutcomeMutation = { recordZorginkoopOutcome: { knelpunt: { id: string } } };

export type ScheduleOverlegtafelMeetingMutationVariables = Exact<{
  input: ScheduleMeetingInput;
}>;


export type ScheduleOverlegtafelMeetingMutation = { scheduleOverlegtafelMeeting: { meeting: { id: string, heldOn: string, title: string } } };

export type TransitionKnelpuntMutationVariables = Exact<{
  input: TransitionKnelpuntInput;
}>;


export type TransitionKnelpuntMutation = { transitionKnelpunt: { knelpunt: { id: string, title: string, description: string, status: KnelpuntStatus, version: number, signalCount: number | null, clientCount: number | null, createdAt: string, updatedAt: string, reopenThreshold: number, zorgkantoorregio: { code: string, name: string }, meeting: { id: string, heldOn: string, title: string } | null, signals: { totalCount: number, nodes: Array<{ id: string, source: SignalSource, category: SignalCategory, targetGroup: TargetGroup | null, ageBand: AgeBand | null, legalDomain: LegalDomain | null, wlzSector: WlzSector | null, lifeDomain: LifeDomain | null, observedOn: string, waitDays: number | null, clientCount: number, description: string | null, gapReason: GapReason | null, gemeente: { code: string, name: string } | null, service: { id: string, name: string } | null, organization: { id: string, name: string } | null, reporterOrganization: { id: string, name: string } | null, knelpunt: { id: string, title: string } | null }> }, decisions: { totalCount: number, nodes: Array<{ id: string, text: string, decidedOn: string, meeting: { id: string, title: string } | null }> }, actions: { totalCount: number, nodes: Array<{ id: string, description: string, dueOn: string, status: ActionStatus, overdue: boolean, completedAt: string | null, owner: { id: string, name: string } }> }, feedback: { totalCount: number, nodes: Array<{ id: string, text: string, createdAt: string }> }, resolution: { note: string, resolvedOn: string } | null, zorginkoop: { status: ZorginkoopStatus, question: string, askedOn: string, outcome: string | null, decidedOn: string | null } | null, history: { totalCount: number, nodes: Array<{ from: KnelpuntStatus, to: KnelpuntStatus, at: string, automatic: boolean, by: { id: string, name: string } | null }> } } } };

export type RecordKnelpuntDecisionMutationVariables = Exact<{
  input: RecordDecisionInput;
}>;


export type RecordKnelpuntDecisionMutation = { recordKnelpuntDecision: { decision: { id: string } } };

export type AddKnelpuntActionMutationVariables = Exact<{
  input: AddActionInput;
}>;


export type AddKnelpuntActionMutation = { addKnelpuntAction: { action: { id: string } } };

export type CompleteKnelpuntActionMutationVariables = Exact<{
  input: CompleteKnelpuntActionInput;
}>;


export type CompleteKnelpuntActionMutation = { completeKnelpuntAction: { action: { id: string, status: ActionStatus } } };

export type AddKnelpuntFeedbackMutationVariables = Exact<{
  input: AddKnelpuntFeedbackInput;
}>;


export type AddKnelpuntFeedbackMutation = { addKnelpuntFeedback: { feedback: { id: string } } };

export type ReportSignalRegionsQueryVariables = Exact<{
  gemeente: string;
  withGemeente: boolean;
}>;


export type ReportSignalRegionsQuery = { zorgkantoorregios: Array<{ code: string, name: string }>, gemeente?: { code: string, zorgkantoorregio: { code: string } } | null };

export type ReportSignalRegionQueryVariables = Exact<{
  region: string;
}>;


export type ReportSignalRegionQuery = { zorgkantoorregio: { code: string, name: string, gemeenten: Array<{ code: string, name: string }> } | null };

export type ReportSignalMutationVariables = Exact<{
  input: ReportSignalInput;
}>;


export type ReportSignalMutation = { reportSignal: { signal: { id: string, category: SignalCategory, observedOn: string } } };

export type MySignalsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MySignalsQuery = { mySignals: { nodes: Array<{ id: string, category: SignalCategory, observedOn: string, description: string | null, gemeente: { code: string, name: string } | null, knelpunt: { id: string, title: string, status: KnelpuntStatus, zorginkoop: { status: ZorginkoopStatus, outcome: string | null, decidedOn: string | null } | null, feedback: { nodes: Array<{ id: string, text: string, createdAt: string }> } } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PrivacyFindClientQueryVariables = Exact<{
  bsn: string;
}>;


export type PrivacyFindClientQuery = { findClientByBsn: { id: string } | null };

export type AccessLogLineFragment = { eventId: string, occurredAt: string, action: AccessAction, outcome: AccessOutcome, outcomeReason: string | null, userId: string, userName: string | null, role: string, dataCategories: Array<string>, authorizationGround: string, accessPoint: string, organization: { id: string, name: string } };

export type PrivacyAccessLogQueryVariables = Exact<{
  client: string | number;
  from: string;
  to: string;
  organization?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PrivacyAccessLogQuery = { client: { id: string, accessLog: { edges: Array<{ cursor: string, node: { eventId: string, occurredAt: string, action: AccessAction, outcome: AccessOutcome, outcomeReason: string | null, userId: string, userName: string | null, role: string, dataCategories: Array<string>, authorizationGround: string, accessPoint: string, organization: { id: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type PrivacyAccessLogExportQueryVariables = Exact<{
  client: string | number;
  from: string;
  to: string;
  organization?: string | number | null | undefined;
}>;


export type PrivacyAccessLogExportQuery = { client: { id: string, accessLogExport: { exportedAt: string, lines: Array<{ eventId: string, occurredAt: string, action: AccessAction, outcome: AccessOutcome, outcomeReason: string | null, userId: string, userName: string | null, role: string, dataCategories: Array<string>, authorizationGround: string, accessPoint: string, organization: { id: string, name: string } }> } } | null };

export type BreakGlassReviewsQueryVariables = Exact<{
  unreviewedOnly?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BreakGlassReviewsQuery = { breakGlassReviews: { nodes: Array<{ id: string, clientId: string, userName: string | null, role: string, reason: string, openedAt: string, expiresAt: string, active: boolean, reviewedAt: string | null, justified: boolean | null, reviewNote: string | null, reviewOverdue: boolean, version: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReviewBreakGlassMutationVariables = Exact<{
  input: ReviewBreakGlassInput;
}>;


export type ReviewBreakGlassMutation = { reviewBreakGlass: { breakGlass: { id: string, reviewedAt: string | null, justified: boolean | null, reviewNote: string | null, version: number } } };

export type OverzichtGebiedenQueryVariables = Exact<{
  gemeente: string;
  region: string;
  byGemeente: boolean;
}>;


export type OverzichtGebiedenQuery = { gemeente?: { code: string, name: string, zorgkantoorregio: { code: string, name: string } } | null, zorgkantoorregio?: { code: string, name: string, gemeenten: Array<{ code: string, name: string }> } | null };

export type VraagEnAanbodQueryVariables = Exact<{
  input: SupportOverviewInput;
}>;


export type VraagEnAanbodQuery = { supportOverview: { id: string, period: { key: string, from: string, to: string }, previousPeriod: { key: string }, demand: { trajectoriesOpened: { value: number | null, suppressed: boolean }, trajectoriesOpenedPrevious: { value: number | null, suppressed: boolean }, peopleSupported: { value: number | null, suppressed: boolean }, peopleSupportedPrevious: { value: number | null, suppressed: boolean }, byLegalDomain: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, wijsplichtPointed: { value: number | null, suppressed: boolean }, wijsplichtAccepted: { value: number | null, suppressed: boolean } }, handovers: { medianWorkingDaysToAnswer: number | null, medianWorkingDaysToStart: number | null, sent: { value: number | null, suppressed: boolean }, sentPrevious: { value: number | null, suppressed: boolean }, accepted: { value: number | null, suppressed: boolean }, rejected: { value: number | null, suppressed: boolean }, started: { value: number | null, suppressed: boolean } }, supply: { services: number, organizations: number, independentServices: number, servicesReportingCapacity: number, hasCapacity: number, waitlist: number, noCapacity: number, additionalAssessmentRequired: number, medianWaitDays: number | null, staleCapacityReports: number } } | null };

export type ReportCountPartsFragment = { value: number | null, suppressed: boolean };

export type ReportAveragePartsFragment = { value: number | null, suppressed: boolean, display: string };

export type ReportBreakdownPartsFragment = { key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } };

export type SupportReportFiguresFragment = { peopleSupportedChange: number | null, peopleSupported: { value: number | null, suppressed: boolean }, peopleSupportedPrevious: { value: number | null, suppressed: boolean }, trajectoriesClosed: { value: number | null, suppressed: boolean }, wijsplichtPointed: { value: number | null, suppressed: boolean }, wijsplichtAccepted: { value: number | null, suppressed: boolean }, byLegalDomain: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, bySupportForm: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, byLifeDomain: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, selfReliance: Array<{ lifeDomain: LifeDomain, trajectories: { value: number | null, suppressed: boolean }, averageStart: { value: number | null, suppressed: boolean, display: string }, averageEnd: { value: number | null, suppressed: boolean, display: string }, averageChange: { value: number | null, suppressed: boolean, display: string } }>, ownNetworkUsed: { value: number | null, suppressed: boolean }, ownNetworkNotUsed: { value: number | null, suppressed: boolean }, satisfactionResponses: { value: number | null, suppressed: boolean }, averageSatisfaction: { value: number | null, suppressed: boolean, display: string }, byTargetGroup: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }> };

export type SatisfactionPartsFragment = { lastDoneOn: string | null, lastMethod: string | null, lastRespondents: number | null, dueOn: string | null, overdue: boolean };

export type HalfYearReportListPartsFragment = { id: string, status: HalfYearReportStatus, version: number, submittedAt: string | null, updatedAt: string, period: { key: string, year: number, number: number }, organization: { id: string, name: string } };

export type MyHalfYearReportsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type MyHalfYearReportsQuery = { myHalfYearReports: { nodes: Array<{ id: string, status: HalfYearReportStatus, version: number, submittedAt: string | null, updatedAt: string, period: { key: string, year: number, number: number }, organization: { id: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SatisfactionMeasurementStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type SatisfactionMeasurementStatusQuery = { satisfactionMeasurementStatus: { lastDoneOn: string | null, lastMethod: string | null, lastRespondents: number | null, dueOn: string | null, overdue: boolean } };

export type CommissionedHalfYearReportsQueryVariables = Exact<{
  status?: HalfYearReportStatus | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type CommissionedHalfYearReportsQuery = { commissionedHalfYearReports: { nodes: Array<{ id: string, status: HalfYearReportStatus, version: number, submittedAt: string | null, updatedAt: string, gemeenteParts: Array<{ gemeente: { code: string, name: string } | null }>, period: { key: string, year: number, number: number }, organization: { id: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StartHalfYearReportMutationVariables = Exact<{
  input: StartHalfYearReportInput;
}>;


export type StartHalfYearReportMutation = { startHalfYearReport: { report: { id: string } } };

export type RecordSatisfactionMeasurementMutationVariables = Exact<{
  input: RecordSatisfactionMeasurementInput;
}>;


export type RecordSatisfactionMeasurementMutation = { recordSatisfactionMeasurement: { status: { lastDoneOn: string | null, lastMethod: string | null, lastRespondents: number | null, dueOn: string | null, overdue: boolean } } };

export type HalfYearReportPageQueryVariables = Exact<{
  id: string | number;
}>;


export type HalfYearReportPageQuery = { halfYearReport: { id: string, status: HalfYearReportStatus, version: number, createdAt: string, submittedAt: string | null, updatedAt: string, organization: { id: string, name: string }, period: { key: string, year: number, number: number, from: string, to: string }, total: { peopleSupportedChange: number | null, previousPeriod: { key: string }, peopleSupported: { value: number | null, suppressed: boolean }, peopleSupportedPrevious: { value: number | null, suppressed: boolean }, trajectoriesClosed: { value: number | null, suppressed: boolean }, wijsplichtPointed: { value: number | null, suppressed: boolean }, wijsplichtAccepted: { value: number | null, suppressed: boolean }, byLegalDomain: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, bySupportForm: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, byLifeDomain: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, selfReliance: Array<{ lifeDomain: LifeDomain, trajectories: { value: number | null, suppressed: boolean }, averageStart: { value: number | null, suppressed: boolean, display: string }, averageEnd: { value: number | null, suppressed: boolean, display: string }, averageChange: { value: number | null, suppressed: boolean, display: string } }>, ownNetworkUsed: { value: number | null, suppressed: boolean }, ownNetworkNotUsed: { value: number | null, suppressed: boolean }, satisfactionResponses: { value: number | null, suppressed: boolean }, averageSatisfaction: { value: number | null, suppressed: boolean, display: string }, byTargetGroup: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }> } | null, gemeenteParts: Array<{ gemeente: { code: string, name: string } | null, figures: { peopleSupportedChange: number | null, previousPeriod: { key: string }, peopleSupported: { value: number | null, suppressed: boolean }, peopleSupportedPrevious: { value: number | null, suppressed: boolean }, trajectoriesClosed: { value: number | null, suppressed: boolean }, wijsplichtPointed: { value: number | null, suppressed: boolean }, wijsplichtAccepted: { value: number | null, suppressed: boolean }, byLegalDomain: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, bySupportForm: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, byLifeDomain: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }>, selfReliance: Array<{ lifeDomain: LifeDomain, trajectories: { value: number | null, suppressed: boolean }, averageStart: { value: number | null, suppressed: boolean, display: string }, averageEnd: { value: number | null, suppressed: boolean, display: string }, averageChange: { value: number | null, suppressed: boolean, display: string } }>, ownNetworkUsed: { value: number | null, suppressed: boolean }, ownNetworkNotUsed: { value: number | null, suppressed: boolean }, satisfactionResponses: { value: number | null, suppressed: boolean }, averageSatisfaction: { value: number | null, suppressed: boolean, display: string }, byTargetGroup: Array<{ key: string, count: { value: number | null, suppressed: boolean }, previous: { value: number | null, suppressed: boolean } }> } }>, narrative: { observations: string, signalled: string, outlook: string }, satisfactionMeasurement: { lastDoneOn: string | null, lastMethod: string | null, lastRespondents: number | null, dueOn: string | null, overdue: boolean }, acknowledgements: Array<{ at: string, organization: { id: string, name: string } }>, downloads: { csv: string, pdf: string } } | null };

export type UpdateHalfYearReportNarrativeMutationVariables = Exact<{
  input: UpdateHalfYearReportNarrativeInput;
}>;


export type UpdateHalfYearReportNarrativeMutation = { updateHalfYearReportNarrative: { report: { id: string, version: number, narrative: { observations: string, signalled: string, outlook: string } } } };

export type SubmitHalfYearReportMutationVariables = Exact<{
  input: HalfYearReportVersionInput;
}>;


export type SubmitHalfYearReportMutation = { submitHalfYearReport: { report: { id: string, status: HalfYearReportStatus, version: number } } };

export type AcknowledgeHalfYearReportMutationVariables = Exact<{
  input: HalfYearReportVersionInput;
}>;


export type AcknowledgeHalfYearReportMutation = { acknowledgeHalfYearReport: { report: { id: string, status: HalfYearReportStatus, version: number } } };

export type CommissionsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type CommissionsQuery = { commissions: { nodes: Array<{ id: string, kind: CommissionKind, gemeenteCodes: Array<string>, validFrom: string, validUntil: string | null, createdAt: string, provider: { id: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CommissionProvidersQueryVariables = Exact<{
  type?: OrganizationType | null | undefined;
  after?: string | null | undefined;
}>;


export type CommissionProvidersQuery = { organizations: { nodes: Array<{ id: string, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CommissionGemeentenQueryVariables = Exact<{
  gemeente: string;
  withGemeente: boolean;
  region: string;
  withRegion: boolean;
}>;


export type CommissionGemeentenQuery = { gemeente?: { code: string, name: string } | null, zorgkantoorregio?: { code: string, name: string, gemeenten: Array<{ code: string, name: string }> } | null };

export type RecordCommissionMutationVariables = Exact<{
  input: RecordCommissionInput;
}>;


export type RecordCommissionMutation = { recordCommission: { commission: { id: string } } };

export type EndCommissionMutationVariables = Exact<{
  input: EndCommissionInput;
}>;


export type EndCommissionMutation = { endCommission: { commission: { id: string, validUntil: string | null } } };

export type SearchServicesQueryVariables = Exact<{
  text?: string | null | undefined;
  filter?: ServiceSearchFilter | null | undefined;
  sort?: ServiceSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchServicesQuery = { searchServices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, distanceKm: number | null, node: { id: string, name: string, description: string, status: ServiceStatus, formality: Formality, independent: boolean, legalDomains: Array<LegalDomain>, leveringsvormen: Array<Leveringsvorm>, zorgprofielen: Array<{ code: string, name: string, label: string }>, organization: { id: string, name: string }, capacity: { status: CapacityStatus, expectedWaitDays: number | null }, freshness: { stale: boolean } } }>, facets: { legalDomains: Array<{ value: string, count: number }>, lifeDomains: Array<{ value: string, count: number }>, targetGroups: Array<{ value: string, count: number }>, supportForms: Array<{ value: string, count: number }>, wlzSectors: Array<{ value: string, count: number }>, leveringsvormen: Array<{ value: string, count: number }>, formality: Array<{ value: string, count: number }>, independent: Array<{ value: string, count: number }>, capacity: Array<{ value: string, count: number }>, languages: Array<{ value: string, count: number }> } } };

export type ServiceDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ServiceDetailQuery = { service: { id: string, name: string, description: string, status: ServiceStatus, formality: Formality, independent: boolean, eligibility: string | null, minimumAge: number | null, maximumAge: number | null, legalDomains: Array<LegalDomain>, lifeDomains: Array<LifeDomain>, targetGroups: Array<TargetGroup>, supportForms: Array<SupportForm>, wlzSectors: Array<WlzSector>, leveringsvormen: Array<Leveringsvorm>, languages: Array<string>, applicationProcess: string | null, updatedAt: string, zorgprofielen: Array<{ code: string, name: string, label: string, expired: boolean }>, cost: { type: CostType, amount: number | null, description: string | null }, contact: { phone: string | null, email: string | null, url: string | null, walkIn: boolean }, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, serviceArea: { scope: AreaScope, gemeenten: Array<{ code: string, name: string }>, zorgkantoorregios: Array<{ code: string, name: string }> }, locations: { nodes: Array<{ id: string, name: string, address: string | null, postalCode: string | null, city: string | null, accessibility: string | null, confidential: boolean, active: boolean }> }, capacity: { status: CapacityStatus, available: number | null, maximum: number | null, unit: string | null, expectedWaitDays: number | null, updatedAt: string | null, stale: boolean }, freshness: { lastVerifiedAt: string | null, stale: boolean }, organization: { id: string, name: string, type: OrganizationType, website: string | null, email: string | null, phones: Array<{ number: string, description: string | null }> } } | null };

export type PostcodeSearchAvailableQueryVariables = Exact<{ [key: string]: never; }>;


export type PostcodeSearchAvailableQuery = { postcodeSearchAvailable: boolean };

export type ClientSupportInGemeenteQueryVariables = Exact<{
  gemeenteCode: string;
}>;


export type ClientSupportInGemeenteQuery = { formal: { totalCount: number, edges: Array<{ node: { id: string, name: string, description: string, independent: boolean, legalDomains: Array<LegalDomain>, supportForms: Array<SupportForm>, organization: { id: string, name: string }, contact: { phone: string | null, email: string | null, url: string | null, walkIn: boolean } } }> }, informal: { totalCount: number, edges: Array<{ node: { id: string, name: string, description: string, independent: boolean, legalDomains: Array<LegalDomain>, supportForms: Array<SupportForm>, organization: { id: string, name: string }, contact: { phone: string | null, email: string | null, url: string | null, walkIn: boolean } } }> } };

export type ClientSupportServiceFragment = { id: string, name: string, description: string, independent: boolean, legalDomains: Array<LegalDomain>, supportForms: Array<SupportForm>, organization: { id: string, name: string }, contact: { phone: string | null, email: string | null, url: string | null, walkIn: boolean } };

export type ReferralListItemFragment = { id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } };

export type HandoverListQueryVariables = Exact<{
  box: ReferralBox;
  filter?: ReferralFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type HandoverListQuery = { referrals: { edges: Array<{ cursor: string, node: { id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HandoverOpenTrajectoriesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type HandoverOpenTrajectoriesQuery = { myTrajectories: { nodes: Array<{ id: string, legalDomain: LegalDomain | null, openedAt: string, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HandoverReceiversQueryVariables = Exact<{
  type?: OrganizationType | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type HandoverReceiversQuery = { organizations: { totalCount: number, nodes: Array<{ id: string, name: string, type: OrganizationType, gemeente: { code: string, name: string } | null, zorgkantoorregio: { code: string, name: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HandoverConsentsQueryVariables = Exact<{
  clientId: string | number;
}>;


export type HandoverConsentsQuery = { client: { id: string, consents: { nodes: Array<{ id: string, status: ConsentStatus, purpose: ConsentPurpose, categories: Array<ConsentCategory>, validUntil: string | null, receivingOrganizationType: OrganizationType | null, receivingRegionCode: string | null, receivingOrganization: { id: string } | null, recordedByOrganization: { id: string } }> } } | null };

export type CreateHandoverMutationVariables = Exact<{
  input: CreateReferralInput;
}>;


export type CreateHandoverMutation = { createReferral: { referral: { id: string, status: ReferralStatus } } };

export type ReferralDetailFragment = { version: number, consentId: string | null, supportFormsRequested: Array<SupportForm>, question: string | null, sameCounsellorContinues: boolean, rejectionReason: RejectionReason | null, rejectionNote: string | null, expectedWaitDays: number | null, regiehouder: RegieHolder, independenceFlag: boolean, independenceNote: string | null, senderStaysInvolved: boolean, id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, continuingCounsellor: { name: string, workPhone: string | null, workEmail: string | null, availability: string | null } | null, handoverSummary: { situation: string, question: string, whatWasDone: string, agreements: string, openActions: string, network: string, risks: string, clientWishes: string } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null }, fromProfessional: { id: string, name: string | null }, toProfessional: { id: string, name: string | null } | null, jointMeeting: { plannedAt: string, participants: Array<MeetingParticipant>, heldAt: string | null, outcome: JointMeetingOutcome | null, outcomeNotes: string | null } | null, timeline: { nodes: Array<{ id: string, occurredAt: string, action: ReferralAction, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reasonCode: string | null, note: string | null, actor: { id: string, name: string | null } | null, actorOrganization: { id: string, name: string } | null }> }, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } };

export type HandoverQueryVariables = Exact<{
  id: string | number;
}>;


export type HandoverQuery = { referral: { version: number, consentId: string | null, supportFormsRequested: Array<SupportForm>, question: string | null, sameCounsellorContinues: boolean, rejectionReason: RejectionReason | null, rejectionNote: string | null, expectedWaitDays: number | null, regiehouder: RegieHolder, independenceFlag: boolean, independenceNote: string | null, senderStaysInvolved: boolean, id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, continuingCounsellor: { name: string, workPhone: string | null, workEmail: string | null, availability: string | null } | null, handoverSummary: { situation: string, question: string, whatWasDone: string, agreements: string, openActions: string, network: string, risks: string, clientWishes: string } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null }, fromProfessional: { id: string, name: string | null }, toProfessional: { id: string, name: string | null } | null, jointMeeting: { plannedAt: string, participants: Array<MeetingParticipant>, heldAt: string | null, outcome: JointMeetingOutcome | null, outcomeNotes: string | null } | null, timeline: { nodes: Array<{ id: string, occurredAt: string, action: ReferralAction, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reasonCode: string | null, note: string | null, actor: { id: string, name: string | null } | null, actorOrganization: { id: string, name: string } | null }> }, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } } | null };

export type AcceptHandoverMutationVariables = Exact<{
  input: AcceptReferralInput;
}>;


export type AcceptHandoverMutation = { acceptReferral: { referral: { version: number, consentId: string | null, supportFormsRequested: Array<SupportForm>, question: string | null, sameCounsellorContinues: boolean, rejectionReason: RejectionReason | null, rejectionNote: string | null, expectedWaitDays: number | null, regiehouder: RegieHolder, independenceFlag: boolean, independenceNote: string | null, senderStaysInvolved: boolean, id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, continuingCounsellor: { name: string, workPhone: string | null, workEmail: string | null, availability: string | null } | null, handoverSummary: { situation: string, question: string, whatWasDone: string, agreements: string, openActions: string, network: string, risks: string, clientWishes: string } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null }, fromProfessional: { id: string, name: string | null }, toProfessional: { id: string, name: string | null } | null, jointMeeting: { plannedAt: string, participants: Array<MeetingParticipant>, heldAt: string | null, outcome: JointMeetingOutcome | null, outcomeNotes: string | null } | null, timeline: { nodes: Array<{ id: string, occurredAt: string, action: ReferralAction, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reasonCode: string | null, note: string | null, actor: { id: string, name: string | null } | null, actorOrganization: { id: string, name: string } | null }> }, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } } } };

export type RejectHandoverMutationVariables = Exact<{
  input: RejectReferralInput;
}>;


export type RejectHandoverMutation = { rejectReferral: { referral: { version: number, consentId: string | null, supportFormsRequested: Array<SupportForm>, question: string | null, sameCounsellorContinues: boolean, rejectionReason: RejectionReason | null, rejectionNote: string | null, expectedWaitDays: number | null, regiehouder: RegieHolder, independenceFlag: boolean, independenceNote: string | null, senderStaysInvolved: boolean, id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, continuingCounsellor: { name: string, workPhone: string | null, workEmail: string | null, availability: string | null } | null, handoverSummary: { situation: string, question: string, whatWasDone: string, agreements: string, openActions: string, network: string, risks: string, clientWishes: string } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null }, fromProfessional: { id: string, name: string | null }, toProfessional: { id: string, name: string | null } | null, jointMeeting: { plannedAt: string, participants: Array<MeetingParticipant>, heldAt: string | null, outcome: JointMeetingOutcome | null, outcomeNotes: string | null } | null, timeline: { nodes: Array<{ id: string, occurredAt: string, action: ReferralAction, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reasonCode: string | null, note: string | null, actor: { id: string, name: string | null } | null, actorOrganization: { id: string, name: string } | null }> }, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } } } };

export type StartHandoverMutationVariables = Exact<{
  input: ReferralTransitionInput;
}>;


export type StartHandoverMutation = { startReferral: { referral: { version: number, consentId: string | null, supportFormsRequested: Array<SupportForm>, question: string | null, sameCounsellorContinues: boolean, rejectionReason: RejectionReason | null, rejectionNote: string | null, expectedWaitDays: number | null, regiehouder: RegieHolder, independenceFlag: boolean, independenceNote: string | null, senderStaysInvolved: boolean, id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, continuingCounsellor: { name: string, workPhone: string | null, workEmail: string | null, availability: string | null } | null, handoverSummary: { situation: string, question: string, whatWasDone: string, agreements: string, openActions: string, network: string, risks: string, clientWishes: string } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null }, fromProfessional: { id: string, name: string | null }, toProfessional: { id: string, name: string | null } | null, jointMeeting: { plannedAt: string, participants: Array<MeetingParticipant>, heldAt: string | null, outcome: JointMeetingOutcome | null, outcomeNotes: string | null } | null, timeline: { nodes: Array<{ id: string, occurredAt: string, action: ReferralAction, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reasonCode: string | null, note: string | null, actor: { id: string, name: string | null } | null, actorOrganization: { id: string, name: string } | null }> }, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } } } };

export type CompleteHandoverMutationVariables = Exact<{
  input: CompleteReferralInput;
}>;


export type CompleteHandoverMutation = { completeReferral: { referral: { version: number, consentId: string | null, supportFormsRequested: Array<SupportForm>, question: string | null, sameCounsellorContinues: boolean, rejectionReason: RejectionReason | null, rejectionNote: string | null, expectedWaitDays: number | null, regiehouder: RegieHolder, independenceFlag: boolean, independenceNote: string | null, senderStaysInvolved: boolean, id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, continuingCounsellor: { name: string, workPhone: string | null, workEmail: string | null, availability: string | null } | null, handoverSummary: { situation: string, question: string, whatWasDone: string, agreements: string, openActions: string, network: string, risks: string, clientWishes: string } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null }, fromProfessional: { id: string, name: string | null }, toProfessional: { id: string, name: string | null } | null, jointMeeting: { plannedAt: string, participants: Array<MeetingParticipant>, heldAt: string | null, outcome: JointMeetingOutcome | null, outcomeNotes: string | null } | null, timeline: { nodes: Array<{ id: string, occurredAt: string, action: ReferralAction, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reasonCode: string | null, note: string | null, actor: { id: string, name: string | null } | null, actorOrganization: { id: string, name: string } | null }> }, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } } } };

export type PlanDriegesprekMutationVariables = Exact<{
  input: PlanJointMeetingInput;
}>;


export type PlanDriegesprekMutation = { planJointMeeting: { referral: { version: number, consentId: string | null, supportFormsRequested: Array<SupportForm>, question: string | null, sameCounsellorContinues: boolean, rejectionReason: RejectionReason | null, rejectionNote: string | null, expectedWaitDays: number | null, regiehouder: RegieHolder, independenceFlag: boolean, independenceNote: string | null, senderStaysInvolved: boolean, id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, continuingCounsellor: { name: string, workPhone: string | null, workEmail: string | null, availability: string | null } | null, handoverSummary: { situation: string, question: string, whatWasDone: string, agreements: string, openActions: string, network: string, risks: string, clientWishes: string } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null }, fromProfessional: { id: string, name: string | null }, toProfessional: { id: string, name: string | null } | null, jointMeeting: { plannedAt: string, participants: Array<MeetingParticipant>, heldAt: string | null, outcome: JointMeetingOutcome | null, outcomeNotes: string | null } | null, timeline: { nodes: Array<{ id: string, occurredAt: string, action: ReferralAction, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reasonCode: string | null, note: string | null, actor: { id: string, name: string | null } | null, actorOrganization: { id: string, name: string } | null }> }, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } } } };

export type RecordDriegesprekMutationVariables = Exact<{
  input: RecordJointMeetingOutcomeInput;
}>;


export type RecordDriegesprekMutation = { recordJointMeetingOutcome: { referral: { version: number, consentId: string | null, supportFormsRequested: Array<SupportForm>, question: string | null, sameCounsellorContinues: boolean, rejectionReason: RejectionReason | null, rejectionNote: string | null, expectedWaitDays: number | null, regiehouder: RegieHolder, independenceFlag: boolean, independenceNote: string | null, senderStaysInvolved: boolean, id: string, kind: ReferralKind, status: ReferralStatus, urgency: ReferralUrgency, sentAt: string | null, respondBy: string | null, startBy: string | null, overdue: boolean, createdAt: string, continuingCounsellor: { name: string, workPhone: string | null, workEmail: string | null, availability: string | null } | null, handoverSummary: { situation: string, question: string, whatWasDone: string, agreements: string, openActions: string, network: string, risks: string, clientWishes: string } | null, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null }, fromProfessional: { id: string, name: string | null }, toProfessional: { id: string, name: string | null } | null, jointMeeting: { plannedAt: string, participants: Array<MeetingParticipant>, heldAt: string | null, outcome: JointMeetingOutcome | null, outcomeNotes: string | null } | null, timeline: { nodes: Array<{ id: string, occurredAt: string, action: ReferralAction, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, reasonCode: string | null, note: string | null, actor: { id: string, name: string | null } | null, actorOrganization: { id: string, name: string } | null }> }, fromOrganization: { id: string, name: string }, toOrganization: { id: string, name: string } } } };

export type HandoverReceiverServicesQueryVariables = Exact<{
  id: string | number;
}>;


export type HandoverReceiverServicesQuery = { organization: { id: string, services: { nodes: Array<{ id: string, name: string }> } } | null };

export type HandoverLightLinksQueryVariables = Exact<{
  referralId: string | number;
}>;


export type HandoverLightLinksQuery = { lightLinks: Array<{ id: string, action: LightLinkAction, status: LightLinkStatus, createdAt: string, expiresAt: string }> };

export type RevokeLightLinkMutationVariables = Exact<{
  input: RevokeLightLinkInput;
}>;


export type RevokeLightLinkMutation = { revokeLightLink: { link: { id: string, action: LightLinkAction, status: LightLinkStatus, createdAt: string, expiresAt: string } } };

export type WlzWorklistQueryVariables = Exact<{
  status?: WlzWorklistStatus | null | undefined;
  overdue?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WlzWorklistQuery = { wlzIndicatieWorklist: { totalCount: number, nodes: Array<{ id: string, zorgprofiel: string | null, sector: WlzSector | null, receivedAt: string, contactBy: string, contactedAt: string | null, overdue: boolean, status: WlzWorklistStatus, client: { id: string, name: { givenName: string, namePrefix: string | null, familyName: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WlzItemQueryVariables = Exact<{
  id: string | number;
}>;


export type WlzItemQuery = { wlzIndicatieItem: { id: string, version: number, wlzIndicatieId: string, besluitnummer: number, afgiftedatum: string, ingangsdatum: string, einddatum: string | null, zorgprofiel: string | null, sector: WlzSector | null, leveringsvorm: Leveringsvorm | null, receivedAt: string, contactBy: string, contactedAt: string | null, overdue: boolean, status: WlzWorklistStatus, client: { id: string, dateOfBirth: string | null, name: { givenName: string, namePrefix: string | null, familyName: string } | null }, trajectory: { id: string }, choice: { choice: WlzSupportChoice, offeredAt: string, recordedByName: string | null, ocoOrganization: { id: string, name: string } | null, consent: { id: string } | null } | null, handover: { id: string, status: ReferralStatus, toOrganization: { id: string, name: string } } | null } };

export type WlzOcoOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type WlzOcoOrganizationsQuery = { organizations: { nodes: Array<{ id: string, name: string }> } };

export type WlzRecordContactMutationVariables = Exact<{
  input: RecordIndicatieContactInput;
}>;


export type WlzRecordContactMutation = { recordIndicatieContact: { item: { id: string, version: number } } };

export type WlzRecordChoiceMutationVariables = Exact<{
  input: RecordIndicatieChoiceInput;
}>;


export type WlzRecordChoiceMutation = { recordIndicatieChoice: { item: { id: string, version: number, choice: { choice: WlzSupportChoice, consent: { id: string } | null } | null } } };

export type WlzSendHandoverMutationVariables = Exact<{
  input: CreateReferralInput;
}>;


export type WlzSendHandoverMutation = { createReferral: { referral: { id: string, status: ReferralStatus } } };

export type WlzLinkHandoverMutationVariables = Exact<{
  input: LinkIndicatieHandoverInput;
}>;


export type WlzLinkHandoverMutation = { linkIndicatieHandover: { item: { id: string, version: number } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ConsultationPartsFragmentDoc = new TypedDocumentString(`
    fragment ConsultationParts on Consultation {
  id
  status
  version
  question
  lifeDomains
  targetGroup
  askedAt
  answer
  answeredAt
  endedAt
}
    `, {"fragmentName":"ConsultationParts"}) as unknown as TypedDocumentString<ConsultationPartsFragment, unknown>;
export const BeheerServiceFragmentDoc = new TypedDocumentString(`
    fragment BeheerService on Service {
  id
  name
  status
  version
  legalDomains
  leveringsvormen
  zorgprofielen {
    code
    name
  }
  capacity {
    status
    reportedStatus
    available
    maximum
    unit
    expectedWaitDays
    updatedAt
    stale
  }
  freshness {
    lastVerifiedAt
    stale
  }
}
    `, {"fragmentName":"BeheerService"}) as unknown as TypedDocumentString<BeheerServiceFragment, unknown>;
export const BeheerLocationFragmentDoc = new TypedDocumentString(`
    fragment BeheerLocation on Location {
  id
  name
  address
  postalCode
  city
  accessibility
  confidential
  version
}
    `, {"fragmentName":"BeheerLocation"}) as unknown as TypedDocumentString<BeheerLocationFragment, unknown>;
export const TrajectoryDetailFragmentDoc = new TypedDocumentString(`
    fragment TrajectoryDetail on SupportTrajectory {
  id
  version
  status
  openedAt
  closedAt
  closeReason
  legalDomain
  journeyPhase
  hulpvraag
  lifeDomains
  plan
  organization {
    id
    name
  }
  counsellor {
    userId
    name
    formality
    workPhone
    workEmail
    availability
  }
  wijsplicht {
    pointedOn
    pointedByName
    outcome
    note
  }
  goals {
    id
    description
    status
  }
  contactMoments(first: 100) {
    nodes {
      id
      occurredAt
      channel
      summary
    }
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
}
    `, {"fragmentName":"TrajectoryDetail"}) as unknown as TypedDocumentString<TrajectoryDetailFragment, unknown>;
export const NotificationSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationSettingsFields on NotificationSettings {
  email
  coordinator
  preferences {
    kind
    email
    inherited
  }
}
    `, {"fragmentName":"NotificationSettingsFields"}) as unknown as TypedDocumentString<NotificationSettingsFieldsFragment, unknown>;
export const MyConsentLineFragmentDoc = new TypedDocumentString(`
    fragment MyConsentLine on MyConsent {
  id
  sharingOrganization {
    id
    name
  }
  receivingOrganization {
    id
    name
  }
  receivingOrganizationType
  receivingRegionCode
  categories
  purpose
  validFrom
  validUntil
  givenBy
  recordedHow
  revokedAt
  status
  version
}
    `, {"fragmentName":"MyConsentLine"}) as unknown as TypedDocumentString<MyConsentLineFragment, unknown>;
export const KnelpuntListItemFragmentDoc = new TypedDocumentString(`
    fragment KnelpuntListItem on Knelpunt {
  id
  title
  status
  signalCount
  updatedAt
  meeting {
    id
    heldOn
    title
  }
}
    `, {"fragmentName":"KnelpuntListItem"}) as unknown as TypedDocumentString<KnelpuntListItemFragment, unknown>;
export const SignalListItemFragmentDoc = new TypedDocumentString(`
    fragment SignalListItem on Signal {
  id
  source
  category
  targetGroup
  ageBand
  legalDomain
  wlzSector
  lifeDomain
  observedOn
  waitDays
  clientCount
  description
  gapReason
  gemeente {
    code
    name
  }
  service {
    id
    name
  }
  organization {
    id
    name
  }
  reporterOrganization {
    id
    name
  }
  knelpunt {
    id
    title
  }
}
    `, {"fragmentName":"SignalListItem"}) as unknown as TypedDocumentString<SignalListItemFragment, unknown>;
export const KnelpuntDetailFragmentDoc = new TypedDocumentString(`
    fragment KnelpuntDetail on Knelpunt {
  id
  title
  description
  status
  version
  signalCount
  clientCount
  createdAt
  updatedAt
  zorgkantoorregio {
    code
    name
  }
  meeting {
    id
    heldOn
    title
  }
  signals(first: 100) {
    totalCount
    nodes {
      ...SignalListItem
    }
  }
  decisions(first: 100) {
    totalCount
    nodes {
      id
      text
      decidedOn
      meeting {
        id
        title
      }
    }
  }
  actions(first: 100) {
    totalCount
    nodes {
      id
      description
      dueOn
      status
      overdue
      completedAt
      owner {
        id
        name
      }
    }
  }
  feedback(first: 100) {
    totalCount
    nodes {
      id
      text
      createdAt
    }
  }
  resolution {
    note
    resolvedOn
  }
  reopenThreshold
  zorginkoop {
    status
    question
    askedOn
    outcome
    decidedOn
  }
  history(first: 100) {
    totalCount
    nodes {
      from
      to
      at
      automatic
      by {
        id
        name
      }
    }
  }
}
    fragment SignalListItem on Signal {
  id
  source
  category
  targetGroup
  ageBand
  legalDomain
  wlzSector
  lifeDomain
  observedOn
  waitDays
  clientCount
  description
  gapReason
  gemeente {
    code
    name
  }
  service {
    id
    name
  }
  organization {
    id
    name
  }
  reporterOrganization {
    id
    name
  }
  knelpunt {
    id
    title
  }
}`, {"fragmentName":"KnelpuntDetail"}) as unknown as TypedDocumentString<KnelpuntDetailFragment, unknown>;
export const AccessLogLineFragmentDoc = new TypedDocumentString(`
    fragment AccessLogLine on AccessLogEntry {
  eventId
  occurredAt
  action
  outcome
  outcomeReason
  userId
  userName
  role
  organization {
    id
    name
  }
  dataCategories
  authorizationGround
  accessPoint
}
    `, {"fragmentName":"AccessLogLine"}) as unknown as TypedDocumentString<AccessLogLineFragment, unknown>;
export const ReportCountPartsFragmentDoc = new TypedDocumentString(`
    fragment ReportCountParts on ReportCount {
  value
  suppressed
}
    `, {"fragmentName":"ReportCountParts"}) as unknown as TypedDocumentString<ReportCountPartsFragment, unknown>;
export const ReportBreakdownPartsFragmentDoc = new TypedDocumentString(`
    fragment ReportBreakdownParts on ReportBreakdownItem {
  key
  count {
    ...ReportCountParts
  }
  previous {
    ...ReportCountParts
  }
}
    fragment ReportCountParts on ReportCount {
  value
  suppressed
}`, {"fragmentName":"ReportBreakdownParts"}) as unknown as TypedDocumentString<ReportBreakdownPartsFragment, unknown>;
export const ReportAveragePartsFragmentDoc = new TypedDocumentString(`
    fragment ReportAverageParts on ReportAverage {
  value
  suppressed
  display
}
    `, {"fragmentName":"ReportAverageParts"}) as unknown as TypedDocumentString<ReportAveragePartsFragment, unknown>;
export const SupportReportFiguresFragmentDoc = new TypedDocumentString(`
    fragment SupportReportFigures on SupportReport {
  peopleSupported {
    ...ReportCountParts
  }
  peopleSupportedPrevious {
    ...ReportCountParts
  }
  peopleSupportedChange
  trajectoriesClosed {
    ...ReportCountParts
  }
  wijsplichtPointed {
    ...ReportCountParts
  }
  wijsplichtAccepted {
    ...ReportCountParts
  }
  byLegalDomain {
    ...ReportBreakdownParts
  }
  bySupportForm {
    ...ReportBreakdownParts
  }
  byLifeDomain {
    ...ReportBreakdownParts
  }
  selfReliance {
    lifeDomain
    trajectories {
      ...ReportCountParts
    }
    averageStart {
      ...ReportAverageParts
    }
    averageEnd {
      ...ReportAverageParts
    }
    averageChange {
      ...ReportAverageParts
    }
  }
  ownNetworkUsed {
    ...ReportCountParts
  }
  ownNetworkNotUsed {
    ...ReportCountParts
  }
  satisfactionResponses {
    ...ReportCountParts
  }
  averageSatisfaction {
    ...ReportAverageParts
  }
  byTargetGroup {
    ...ReportBreakdownParts
  }
}
    fragment ReportCountParts on ReportCount {
  value
  suppressed
}
fragment ReportAverageParts on ReportAverage {
  value
  suppressed
  display
}
fragment ReportBreakdownParts on ReportBreakdownItem {
  key
  count {
    ...ReportCountParts
  }
  previous {
    ...ReportCountParts
  }
}`, {"fragmentName":"SupportReportFigures"}) as unknown as TypedDocumentString<SupportReportFiguresFragment, unknown>;
export const SatisfactionPartsFragmentDoc = new TypedDocumentString(`
    fragment SatisfactionParts on SatisfactionMeasurementStatus {
  lastDoneOn
  lastMethod
  lastRespondents
  dueOn
  overdue
}
    `, {"fragmentName":"SatisfactionParts"}) as unknown as TypedDocumentString<SatisfactionPartsFragment, unknown>;
export const HalfYearReportListPartsFragmentDoc = new TypedDocumentString(`
    fragment HalfYearReportListParts on HalfYearReport {
  id
  status
  version
  period {
    key
    year
    number
  }
  organization {
    id
    name
  }
  submittedAt
  updatedAt
}
    `, {"fragmentName":"HalfYearReportListParts"}) as unknown as TypedDocumentString<HalfYearReportListPartsFragment, unknown>;
export const ClientSupportServiceFragmentDoc = new TypedDocumentString(`
    fragment ClientSupportService on Service {
  id
  name
  description
  independent
  legalDomains
  supportForms
  organization {
    id
    name
  }
  contact {
    phone
    email
    url
    walkIn
  }
}
    `, {"fragmentName":"ClientSupportService"}) as unknown as TypedDocumentString<ClientSupportServiceFragment, unknown>;
export const ReferralListItemFragmentDoc = new TypedDocumentString(`
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}
    `, {"fragmentName":"ReferralListItem"}) as unknown as TypedDocumentString<ReferralListItemFragment, unknown>;
export const ReferralDetailFragmentDoc = new TypedDocumentString(`
    fragment ReferralDetail on Referral {
  ...ReferralListItem
  version
  consentId
  supportFormsRequested
  question
  sameCounsellorContinues
  continuingCounsellor {
    name
    workPhone
    workEmail
    availability
  }
  handoverSummary {
    situation
    question
    whatWasDone
    agreements
    openActions
    network
    risks
    clientWishes
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
  fromProfessional {
    id
    name
  }
  toProfessional {
    id
    name
  }
  rejectionReason
  rejectionNote
  expectedWaitDays
  regiehouder
  independenceFlag
  independenceNote
  senderStaysInvolved
  jointMeeting {
    plannedAt
    participants
    heldAt
    outcome
    outcomeNotes
  }
  timeline(first: 100) {
    nodes {
      id
      occurredAt
      action
      fromStatus
      toStatus
      actor {
        id
        name
      }
      actorOrganization {
        id
        name
      }
      reasonCode
      note
    }
  }
}
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}`, {"fragmentName":"ReferralDetail"}) as unknown as TypedDocumentString<ReferralDetailFragment, unknown>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  notifications(first: 1, unreadOnly: true) {
    unreadCount
  }
}
    `, {"hash":"sha256:70706ffb4f103134b997dfcd5df94e052fb1e1f24419ac52f199e85344bcd912"}) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const SignedInOrganizationDocument = new TypedDocumentString(`
    query SignedInOrganization($id: ID!) {
  organization(id: $id) {
    id
    name
    type
  }
}
    `, {"hash":"sha256:bf9f62c5479bd1c29f822032f3e34bb220c5fa99c9616741496d37eb637a1d8c"}) as unknown as TypedDocumentString<SignedInOrganizationQuery, SignedInOrganizationQueryVariables>;
export const ConsultableOrganizationsDocument = new TypedDocumentString(`
    query ConsultableOrganizations($type: OrganizationType!, $after: String) {
  organizations(type: $type, first: 100, after: $after) {
    nodes {
      id
      name
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:c9406294afeaeb950101113d0771962a7495891fdbf0dc934fd9916312dced6c"}) as unknown as TypedDocumentString<ConsultableOrganizationsQuery, ConsultableOrganizationsQueryVariables>;
export const AskConsultationFormDocument = new TypedDocumentString(`
    mutation AskConsultationForm($input: AskConsultationInput!) {
  askConsultation(input: $input) {
    consultation {
      ...ConsultationParts
    }
  }
}
    fragment ConsultationParts on Consultation {
  id
  status
  version
  question
  lifeDomains
  targetGroup
  askedAt
  answer
  answeredAt
  endedAt
}`, {"hash":"sha256:ae0752f6ab64f8611f925e3497e1caef0e117dcd91367c3c98cff12156d3581d"}) as unknown as TypedDocumentString<AskConsultationFormMutation, AskConsultationFormMutationVariables>;
export const MyConsultationsDocument = new TypedDocumentString(`
    query MyConsultations($first: Int!, $after: String) {
  consultationOutbox(first: $first, after: $after) {
    totalCount
    nodes {
      ...ConsultationParts
      toOrganization {
        id
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ConsultationParts on Consultation {
  id
  status
  version
  question
  lifeDomains
  targetGroup
  askedAt
  answer
  answeredAt
  endedAt
}`, {"hash":"sha256:411993f4db8086a060cbff19e0602b62c80b69550b2831e3c293a12627ce3b73"}) as unknown as TypedDocumentString<MyConsultationsQuery, MyConsultationsQueryVariables>;
export const ConsultationInboxPageDocument = new TypedDocumentString(`
    query ConsultationInboxPage($status: ConsultationStatus, $first: Int!, $after: String) {
  consultationInbox(status: $status, first: $first, after: $after) {
    totalCount
    nodes {
      ...ConsultationParts
      fromOrganization {
        id
        name
        type
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ConsultationParts on Consultation {
  id
  status
  version
  question
  lifeDomains
  targetGroup
  askedAt
  answer
  answeredAt
  endedAt
}`, {"hash":"sha256:206e1e991324bda0e03903070a2aad8f79783a9b4f1c2815d6c3e540341ca128"}) as unknown as TypedDocumentString<ConsultationInboxPageQuery, ConsultationInboxPageQueryVariables>;
export const AnswerConsultationFormDocument = new TypedDocumentString(`
    mutation AnswerConsultationForm($input: AnswerConsultationInput!) {
  answerConsultation(input: $input) {
    consultation {
      ...ConsultationParts
    }
  }
}
    fragment ConsultationParts on Consultation {
  id
  status
  version
  question
  lifeDomains
  targetGroup
  askedAt
  answer
  answeredAt
  endedAt
}`, {"hash":"sha256:bde6c8df1896a6f231bfca863c7ef8e5567254ae56a71ff264c41732e0297298"}) as unknown as TypedDocumentString<AnswerConsultationFormMutation, AnswerConsultationFormMutationVariables>;
export const CloseConsultationButtonDocument = new TypedDocumentString(`
    mutation CloseConsultationButton($input: ConsultationVersionInput!) {
  closeConsultation(input: $input) {
    consultation {
      ...ConsultationParts
    }
  }
}
    fragment ConsultationParts on Consultation {
  id
  status
  version
  question
  lifeDomains
  targetGroup
  askedAt
  answer
  answeredAt
  endedAt
}`, {"hash":"sha256:882cc100bca4e697d3f0465f3fbe211a04f7d442885a2914c4e8acc294c8b3bf"}) as unknown as TypedDocumentString<CloseConsultationButtonMutation, CloseConsultationButtonMutationVariables>;
export const WithdrawConsultationButtonDocument = new TypedDocumentString(`
    mutation WithdrawConsultationButton($input: ConsultationVersionInput!) {
  withdrawConsultation(input: $input) {
    consultation {
      ...ConsultationParts
    }
  }
}
    fragment ConsultationParts on Consultation {
  id
  status
  version
  question
  lifeDomains
  targetGroup
  askedAt
  answer
  answeredAt
  endedAt
}`, {"hash":"sha256:87ba000bf56d4f94bbf6d560f86f6b54a5c053225c3a3cb5fe471e067f570146"}) as unknown as TypedDocumentString<WithdrawConsultationButtonMutation, WithdrawConsultationButtonMutationVariables>;
export const BeheerOrganizationDocument = new TypedDocumentString(`
    query BeheerOrganization($id: ID!, $after: String) {
  organization(id: $id) {
    id
    name
    services(first: 50, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...BeheerService
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    locations(first: 100) {
      totalCount
      nodes {
        ...BeheerLocation
      }
    }
  }
}
    fragment BeheerService on Service {
  id
  name
  status
  version
  legalDomains
  leveringsvormen
  zorgprofielen {
    code
    name
  }
  capacity {
    status
    reportedStatus
    available
    maximum
    unit
    expectedWaitDays
    updatedAt
    stale
  }
  freshness {
    lastVerifiedAt
    stale
  }
}
fragment BeheerLocation on Location {
  id
  name
  address
  postalCode
  city
  accessibility
  confidential
  version
}`, {"hash":"sha256:b4567a5019f45ff0a9e1290ea1f7cd67a9dda9ff68ecd192e830dae56d6f5dae"}) as unknown as TypedDocumentString<BeheerOrganizationQuery, BeheerOrganizationQueryVariables>;
export const BeheerUpdateCapacityDocument = new TypedDocumentString(`
    mutation BeheerUpdateCapacity($input: UpdateCapacityInput!) {
  updateCapacity(input: $input) {
    service {
      ...BeheerService
    }
  }
}
    fragment BeheerService on Service {
  id
  name
  status
  version
  legalDomains
  leveringsvormen
  zorgprofielen {
    code
    name
  }
  capacity {
    status
    reportedStatus
    available
    maximum
    unit
    expectedWaitDays
    updatedAt
    stale
  }
  freshness {
    lastVerifiedAt
    stale
  }
}`, {"hash":"sha256:e3aab5eb26a15e1c86f895294f1c9a357893f4e70d1f08bc5af4cf7abbdd87f2"}) as unknown as TypedDocumentString<BeheerUpdateCapacityMutation, BeheerUpdateCapacityMutationVariables>;
export const BeheerUpdateWlzCareDocument = new TypedDocumentString(`
    mutation BeheerUpdateWlzCare($input: UpdateServiceInput!) {
  updateService(input: $input) {
    service {
      ...BeheerService
    }
  }
}
    fragment BeheerService on Service {
  id
  name
  status
  version
  legalDomains
  leveringsvormen
  zorgprofielen {
    code
    name
  }
  capacity {
    status
    reportedStatus
    available
    maximum
    unit
    expectedWaitDays
    updatedAt
    stale
  }
  freshness {
    lastVerifiedAt
    stale
  }
}`, {"hash":"sha256:cbff938d157a0d12c0b39cad37c027d40a090000347fdeae19c9fcb24d3ff3e4"}) as unknown as TypedDocumentString<BeheerUpdateWlzCareMutation, BeheerUpdateWlzCareMutationVariables>;
export const BeheerMarkVerifiedDocument = new TypedDocumentString(`
    mutation BeheerMarkVerified($input: VersionedIdInput!) {
  markServiceVerified(input: $input) {
    service {
      ...BeheerService
    }
  }
}
    fragment BeheerService on Service {
  id
  name
  status
  version
  legalDomains
  leveringsvormen
  zorgprofielen {
    code
    name
  }
  capacity {
    status
    reportedStatus
    available
    maximum
    unit
    expectedWaitDays
    updatedAt
    stale
  }
  freshness {
    lastVerifiedAt
    stale
  }
}`, {"hash":"sha256:d832cf49e6b5a496c17eac286cd234a10dbaa3241bad9ab31e03cbcbddba8ec4"}) as unknown as TypedDocumentString<BeheerMarkVerifiedMutation, BeheerMarkVerifiedMutationVariables>;
export const BeheerCreateLocationDocument = new TypedDocumentString(`
    mutation BeheerCreateLocation($input: LocationInput!) {
  createLocation(input: $input) {
    location {
      ...BeheerLocation
    }
  }
}
    fragment BeheerLocation on Location {
  id
  name
  address
  postalCode
  city
  accessibility
  confidential
  version
}`, {"hash":"sha256:bcbd510b69d61d34358d4963fb0669f880746a7f02045408e08cf88d46759f66"}) as unknown as TypedDocumentString<BeheerCreateLocationMutation, BeheerCreateLocationMutationVariables>;
export const BeheerUpdateLocationDocument = new TypedDocumentString(`
    mutation BeheerUpdateLocation($input: UpdateLocationInput!) {
  updateLocation(input: $input) {
    location {
      ...BeheerLocation
    }
  }
}
    fragment BeheerLocation on Location {
  id
  name
  address
  postalCode
  city
  accessibility
  confidential
  version
}`, {"hash":"sha256:4cadbb71424b1f67f379e10aa3c4d292638045c8b9899b1885240c51373cc27b"}) as unknown as TypedDocumentString<BeheerUpdateLocationMutation, BeheerUpdateLocationMutationVariables>;
export const OrganizationNotificationDefaultsDocument = new TypedDocumentString(`
    query OrganizationNotificationDefaults {
  organizationNotificationSettings {
    organizationId
    defaults {
      kind
      email
      inherited
    }
  }
}
    `, {"hash":"sha256:f4b26135c0fe6ce2d47af0cdb096f696fe27130d21e3fe3446c2c2e774993ada"}) as unknown as TypedDocumentString<OrganizationNotificationDefaultsQuery, OrganizationNotificationDefaultsQueryVariables>;
export const UpdateOrganizationNotificationDefaultsDocument = new TypedDocumentString(`
    mutation UpdateOrganizationNotificationDefaults($input: UpdateOrganizationNotificationDefaultsInput!) {
  updateOrganizationNotificationDefaults(input: $input) {
    settings {
      organizationId
      defaults {
        kind
        email
        inherited
      }
    }
  }
}
    `, {"hash":"sha256:8a2f0cf15c27480d39aa03fdac2185a256011336756e5376e98fa3e6359c4190"}) as unknown as TypedDocumentString<UpdateOrganizationNotificationDefaultsMutation, UpdateOrganizationNotificationDefaultsMutationVariables>;
export const NotificationRecipientsDocument = new TypedDocumentString(`
    query NotificationRecipients($first: Int, $after: String) {
  notificationRecipients(first: $first, after: $after) {
    nodes {
      id
      name
      coordinator
      lastSeenAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
  }
}
    `, {"hash":"sha256:525b80d8c9bbd448fbc30ef50cfc39a1da567f143e2fb7bf5e7d17fc5f8da3fa"}) as unknown as TypedDocumentString<NotificationRecipientsQuery, NotificationRecipientsQueryVariables>;
export const SetNotificationCoordinatorDocument = new TypedDocumentString(`
    mutation SetNotificationCoordinator($input: SetNotificationCoordinatorInput!) {
  setNotificationCoordinator(input: $input) {
    recipient {
      id
      name
      coordinator
      lastSeenAt
    }
  }
}
    `, {"hash":"sha256:16b526604d794816ef876a47fccf887e13f45aaa7e66df9ad2282be1a46197d4"}) as unknown as TypedDocumentString<SetNotificationCoordinatorMutation, SetNotificationCoordinatorMutationVariables>;
export const CaseloadDocument = new TypedDocumentString(`
    query Caseload($status: TrajectoryStatus, $search: String, $first: Int, $after: String) {
  myTrajectories(status: $status, search: $search, first: $first, after: $after) {
    nodes {
      id
      status
      openedAt
      legalDomain
      client {
        id
        name {
          givenName
          namePrefix
          familyName
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:c41e30049788ded91bd8c2ef9f1e8eb14e66307e677f46d87b38770179077434"}) as unknown as TypedDocumentString<CaseloadQuery, CaseloadQueryVariables>;
export const GemeentenDocument = new TypedDocumentString(`
    query Gemeenten {
  gemeenten {
    code
    name
  }
}
    `, {"hash":"sha256:c039880c1807d0c735aa0491f603f50c8eede5ffe26ec33c59c73708c3ff8afd"}) as unknown as TypedDocumentString<GemeentenQuery, GemeentenQueryVariables>;
export const RegisterClientDocument = new TypedDocumentString(`
    mutation RegisterClient($input: RegisterClientInput!) {
  registerClient(input: $input) {
    client {
      id
    }
  }
}
    `, {"hash":"sha256:48804e3adb6b0c08c1cc906d48228f9353613e6dcc7f799689a1c2e5d1772cd4"}) as unknown as TypedDocumentString<RegisterClientMutation, RegisterClientMutationVariables>;
export const OpenTrajectoryDocument = new TypedDocumentString(`
    mutation OpenTrajectory($input: OpenTrajectoryInput!) {
  openTrajectory(input: $input) {
    trajectory {
      id
    }
  }
}
    `, {"hash":"sha256:3b7b1d3c4496f3077d1d3b20dc62765d110126f9dda5e723d1a4195050c3b8ec"}) as unknown as TypedDocumentString<OpenTrajectoryMutation, OpenTrajectoryMutationVariables>;
export const ClientAcrossDomainsDocument = new TypedDocumentString(`
    query ClientAcrossDomains($id: ID!) {
  client(id: $id) {
    id
    version
    name {
      givenName
      namePrefix
      familyName
    }
    dateOfBirth
    gemeente {
      code
      name
    }
    contact {
      phone
      email
      address
    }
    preferredContactChannel
    network {
      id
      name
      role
      mayActForClient
    }
    trajectories(first: 100) {
      nodes {
        id
        status
        openedAt
        closedAt
        organization {
          id
          name
          type
        }
        legalDomain
        journeyPhase
        counsellor {
          name
          formality
        }
        supportForms
        wlz {
          sector
          zorgprofiel
          leveringsvorm
          wachtstatus
        }
        closeReason
        hulpvraag
        lifeDomains
        targetGroups
        plan
        goals {
          id
        }
        contactMoments(first: 20) {
          nodes {
            id
          }
        }
      }
    }
    consents(first: 100) {
      nodes {
        id
        version
        status
        purpose
        categories
        validFrom
        validUntil
        givenBy
        recordedHow
        revokedAt
        receivingOrganization {
          id
          name
        }
        receivingOrganizationType
        receivingRegionCode
        recordedByOrganization {
          id
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:2825d7a5afee1c4596f19fef22019f146b416b4cfe297113d28973acb081ebd8"}) as unknown as TypedDocumentString<ClientAcrossDomainsQuery, ClientAcrossDomainsQueryVariables>;
export const ConsentReceiversDocument = new TypedDocumentString(`
    query ConsentReceivers($type: OrganizationType!) {
  organizations(type: $type, first: 100) {
    nodes {
      id
      name
    }
    totalCount
  }
}
    `, {"hash":"sha256:e64885707250e30d16020c283739b5675e52f0b2410d8d8af9b268c25eb699e2"}) as unknown as TypedDocumentString<ConsentReceiversQuery, ConsentReceiversQueryVariables>;
export const RecordConsentDocument = new TypedDocumentString(`
    mutation RecordConsent($input: RecordConsentInput!) {
  recordConsent(input: $input) {
    consent {
      id
      status
    }
  }
}
    `, {"hash":"sha256:ddd8405368a5f7295510e1d666d23729205f161e3051f3458982c0a81d9086bd"}) as unknown as TypedDocumentString<RecordConsentMutation, RecordConsentMutationVariables>;
export const RevokeConsentDocument = new TypedDocumentString(`
    mutation RevokeConsent($input: RevokeConsentInput!) {
  revokeConsent(input: $input) {
    consent {
      id
      status
    }
  }
}
    `, {"hash":"sha256:3ec25152fc2052d4fcd967aed6718b7a8d2fa1d76f42c00a721db95b6310de35"}) as unknown as TypedDocumentString<RevokeConsentMutation, RevokeConsentMutationVariables>;
export const TrajectoryDetailDocument = new TypedDocumentString(`
    query TrajectoryDetail($id: ID!) {
  trajectory(id: $id) {
    ...TrajectoryDetail
  }
}
    fragment TrajectoryDetail on SupportTrajectory {
  id
  version
  status
  openedAt
  closedAt
  closeReason
  legalDomain
  journeyPhase
  hulpvraag
  lifeDomains
  plan
  organization {
    id
    name
  }
  counsellor {
    userId
    name
    formality
    workPhone
    workEmail
    availability
  }
  wijsplicht {
    pointedOn
    pointedByName
    outcome
    note
  }
  goals {
    id
    description
    status
  }
  contactMoments(first: 100) {
    nodes {
      id
      occurredAt
      channel
      summary
    }
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
}`, {"hash":"sha256:d8d8810f78cfe8ccbe5136b458beade8ff3a9a4f47aed5b4ee0e239106589a62"}) as unknown as TypedDocumentString<TrajectoryDetailQuery, TrajectoryDetailQueryVariables>;
export const UpdateTrajectoryDocument = new TypedDocumentString(`
    mutation UpdateTrajectory($input: UpdateTrajectoryInput!) {
  updateTrajectory(input: $input) {
    trajectory {
      ...TrajectoryDetail
    }
  }
}
    fragment TrajectoryDetail on SupportTrajectory {
  id
  version
  status
  openedAt
  closedAt
  closeReason
  legalDomain
  journeyPhase
  hulpvraag
  lifeDomains
  plan
  organization {
    id
    name
  }
  counsellor {
    userId
    name
    formality
    workPhone
    workEmail
    availability
  }
  wijsplicht {
    pointedOn
    pointedByName
    outcome
    note
  }
  goals {
    id
    description
    status
  }
  contactMoments(first: 100) {
    nodes {
      id
      occurredAt
      channel
      summary
    }
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
}`, {"hash":"sha256:dcef8459df0d1c304653804a39c7afc673cb092dec5c44c2128ce6d1202a0b6c"}) as unknown as TypedDocumentString<UpdateTrajectoryMutation, UpdateTrajectoryMutationVariables>;
export const SetTrajectoryCounsellorDocument = new TypedDocumentString(`
    mutation SetTrajectoryCounsellor($input: SetTrajectoryCounsellorInput!) {
  setTrajectoryCounsellor(input: $input) {
    trajectory {
      ...TrajectoryDetail
    }
  }
}
    fragment TrajectoryDetail on SupportTrajectory {
  id
  version
  status
  openedAt
  closedAt
  closeReason
  legalDomain
  journeyPhase
  hulpvraag
  lifeDomains
  plan
  organization {
    id
    name
  }
  counsellor {
    userId
    name
    formality
    workPhone
    workEmail
    availability
  }
  wijsplicht {
    pointedOn
    pointedByName
    outcome
    note
  }
  goals {
    id
    description
    status
  }
  contactMoments(first: 100) {
    nodes {
      id
      occurredAt
      channel
      summary
    }
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
}`, {"hash":"sha256:227e82daeff871c9eb110483d0fc293d011c50203ad276192b97c17746fcd51b"}) as unknown as TypedDocumentString<SetTrajectoryCounsellorMutation, SetTrajectoryCounsellorMutationVariables>;
export const RecordWijsplichtDocument = new TypedDocumentString(`
    mutation RecordWijsplicht($input: RecordWijsplichtInput!) {
  recordWijsplicht(input: $input) {
    trajectory {
      ...TrajectoryDetail
    }
  }
}
    fragment TrajectoryDetail on SupportTrajectory {
  id
  version
  status
  openedAt
  closedAt
  closeReason
  legalDomain
  journeyPhase
  hulpvraag
  lifeDomains
  plan
  organization {
    id
    name
  }
  counsellor {
    userId
    name
    formality
    workPhone
    workEmail
    availability
  }
  wijsplicht {
    pointedOn
    pointedByName
    outcome
    note
  }
  goals {
    id
    description
    status
  }
  contactMoments(first: 100) {
    nodes {
      id
      occurredAt
      channel
      summary
    }
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
}`, {"hash":"sha256:5008329f00d60eb15f976fe5f344df1f91fb029e7b191ade2e5419d2402131b6"}) as unknown as TypedDocumentString<RecordWijsplichtMutation, RecordWijsplichtMutationVariables>;
export const CloseTrajectoryDocument = new TypedDocumentString(`
    mutation CloseTrajectory($input: CloseTrajectoryInput!) {
  closeTrajectory(input: $input) {
    trajectory {
      ...TrajectoryDetail
    }
  }
}
    fragment TrajectoryDetail on SupportTrajectory {
  id
  version
  status
  openedAt
  closedAt
  closeReason
  legalDomain
  journeyPhase
  hulpvraag
  lifeDomains
  plan
  organization {
    id
    name
  }
  counsellor {
    userId
    name
    formality
    workPhone
    workEmail
    availability
  }
  wijsplicht {
    pointedOn
    pointedByName
    outcome
    note
  }
  goals {
    id
    description
    status
  }
  contactMoments(first: 100) {
    nodes {
      id
      occurredAt
      channel
      summary
    }
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
}`, {"hash":"sha256:83b0b3786e2e87fa55f479465d3eac93370796c9fe9b9fda8e18aff78fce5645"}) as unknown as TypedDocumentString<CloseTrajectoryMutation, CloseTrajectoryMutationVariables>;
export const ConsentClientDocument = new TypedDocumentString(`
    query ConsentClient($id: ID!) {
  client(id: $id) {
    id
    name {
      givenName
      namePrefix
      familyName
    }
    network {
      id
      name
      role
      mayActForClient
    }
  }
}
    `, {"hash":"sha256:4272df200007e442f9a19e655796423e28e96072c89cc3b2326cfa3493fbabcf"}) as unknown as TypedDocumentString<ConsentClientQuery, ConsentClientQueryVariables>;
export const BreakGlassSettingsDocument = new TypedDocumentString(`
    query BreakGlassSettings {
  breakGlassSettings {
    enabled
    durationHours
    dailyLimit
  }
}
    `, {"hash":"sha256:e53425b0d5d53d711fe04fdf96ff131a5c35496063b72af304fbf7a4674267b6"}) as unknown as TypedDocumentString<BreakGlassSettingsQuery, BreakGlassSettingsQueryVariables>;
export const OpenBreakGlassDocument = new TypedDocumentString(`
    mutation OpenBreakGlass($input: OpenBreakGlassInput!) {
  openBreakGlass(input: $input) {
    breakGlass {
      id
      clientId
      openedAt
      expiresAt
      active
    }
  }
}
    `, {"hash":"sha256:bb70fd56f85348ce044c17842e6ff996fedc3703c99793bed62e26efa2d98a51"}) as unknown as TypedDocumentString<OpenBreakGlassMutation, OpenBreakGlassMutationVariables>;
export const CorrectionRequestsDocument = new TypedDocumentString(`
    query CorrectionRequests($first: Int, $after: String) {
  correctionRequests(first: $first, after: $after) {
    nodes {
      id
      clientId
      trajectoryId
      description
      givenBy
      createdAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:6f85c6981b07bf8a52f884946a2cceeffd857ad44ddd8ab86b70322c88535f66"}) as unknown as TypedDocumentString<CorrectionRequestsQuery, CorrectionRequestsQueryVariables>;
export const LightLinkPageDocument = new TypedDocumentString(`
    query LightLinkPage($token: String!) {
  lightLink(token: $token) {
    action
    expiresAt
    handover {
      fromOrganizationName
      serviceName
      respondBy
    }
    service {
      name
      organizationName
    }
  }
}
    `, {"hash":"sha256:c73d43345bd478b46503cf444c1f3c01701d0c612005664b859b5c888fad0edc"}) as unknown as TypedDocumentString<LightLinkPageQuery, LightLinkPageQueryVariables>;
export const AnswerHandoverByLinkDocument = new TypedDocumentString(`
    mutation AnswerHandoverByLink($input: AnswerHandoverByLinkInput!) {
  answerHandoverByLink(input: $input) {
    done
  }
}
    `, {"hash":"sha256:5d89850aa2d38778b48efcfc6ec754ea9d901ba9e8d5e18551020e8767889b2e"}) as unknown as TypedDocumentString<AnswerHandoverByLinkMutation, AnswerHandoverByLinkMutationVariables>;
export const UpdateCapacityByLinkDocument = new TypedDocumentString(`
    mutation UpdateCapacityByLink($input: UpdateCapacityByLinkInput!) {
  updateCapacityByLink(input: $input) {
    done
  }
}
    `, {"hash":"sha256:033cef39cc23fca54a1f780974b6e5643dac16ff92879fc27dd98178395c7b0f"}) as unknown as TypedDocumentString<UpdateCapacityByLinkMutation, UpdateCapacityByLinkMutationVariables>;
export const NotificationListDocument = new TypedDocumentString(`
    query NotificationList($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    nodes {
      id
      kind
      occurredAt
      itemType
      itemId
      path
      dueDate
      readAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
    unreadCount
  }
}
    `, {"hash":"sha256:2b87e8fa54c9630ef78f3b9f06663d83b9a2d52a256d45e5b9014d6e3b7e6f0a"}) as unknown as TypedDocumentString<NotificationListQuery, NotificationListQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    marked
    unreadCount
  }
}
    `, {"hash":"sha256:406792753ddcb5260eaf597436df73c20a34c978d11309b0df6a2a94b46611dc"}) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const MyNotificationSettingsDocument = new TypedDocumentString(`
    query MyNotificationSettings {
  myNotificationSettings {
    ...NotificationSettingsFields
  }
}
    fragment NotificationSettingsFields on NotificationSettings {
  email
  coordinator
  preferences {
    kind
    email
    inherited
  }
}`, {"hash":"sha256:39822fe13cd033ad67dfa697941b196b7d9a53dbf7ab7e58ace096b1cd4adce9"}) as unknown as TypedDocumentString<MyNotificationSettingsQuery, MyNotificationSettingsQueryVariables>;
export const UpdateMyNotificationPreferencesDocument = new TypedDocumentString(`
    mutation UpdateMyNotificationPreferences($input: UpdateMyNotificationPreferencesInput!) {
  updateMyNotificationPreferences(input: $input) {
    settings {
      ...NotificationSettingsFields
    }
  }
}
    fragment NotificationSettingsFields on NotificationSettings {
  email
  coordinator
  preferences {
    kind
    email
    inherited
  }
}`, {"hash":"sha256:62482a06ba6067ddec4df4c49112488d62997f92a0f74de1a55016f007219447"}) as unknown as TypedDocumentString<UpdateMyNotificationPreferencesMutation, UpdateMyNotificationPreferencesMutationVariables>;
export const MySupportOverviewDocument = new TypedDocumentString(`
    query MySupportOverview {
  mySupport {
    id
    name {
      givenName
      namePrefix
      familyName
    }
    actingAs
    trajectories(first: 100) {
      totalCount
      nodes {
        id
        legalDomain
        journeyPhase
        status
        hulpvraag
        openedAt
        closedAt
        organization {
          id
          name
        }
        contactPerson {
          name
          formality
          workPhone
          workEmail
          availability
          organization {
            id
            name
            email
            website
            phones {
              number
              description
            }
          }
        }
      }
    }
    handoversInProgress(first: 100) {
      totalCount
      nodes {
        id
        kind
        status
        fromOrganization {
          id
          name
        }
        toOrganization {
          id
          name
        }
        sentAt
        respondBy
        jointMeetingPlannedAt
        statusChangedAt
      }
    }
  }
}
    `, {"hash":"sha256:34b38292a832dfba88a1ad4b9dd9a10626e87af770ba8e418cf42987b6238b71"}) as unknown as TypedDocumentString<MySupportOverviewQuery, MySupportOverviewQueryVariables>;
export const MyConsentsDocument = new TypedDocumentString(`
    query MyConsents {
  mySupport {
    id
    trajectories(first: 100) {
      nodes {
        id
        status
        organization {
          id
          name
        }
      }
    }
    consents(first: 100) {
      totalCount
      nodes {
        ...MyConsentLine
      }
    }
  }
}
    fragment MyConsentLine on MyConsent {
  id
  sharingOrganization {
    id
    name
  }
  receivingOrganization {
    id
    name
  }
  receivingOrganizationType
  receivingRegionCode
  categories
  purpose
  validFrom
  validUntil
  givenBy
  recordedHow
  revokedAt
  status
  version
}`, {"hash":"sha256:a63f0fee9d0b0ec8d123a79f3e69600128d6811c2ff5fc4af77042c11d5decf9"}) as unknown as TypedDocumentString<MyConsentsQuery, MyConsentsQueryVariables>;
export const MyConsentReceiversDocument = new TypedDocumentString(`
    query MyConsentReceivers($type: OrganizationType!) {
  organizations(type: $type, first: 100) {
    nodes {
      id
      name
    }
  }
}
    `, {"hash":"sha256:cbc2382318fda1b3c8df043be27e37b0edb37e1fe3e1a7a266075a286194ebee"}) as unknown as TypedDocumentString<MyConsentReceiversQuery, MyConsentReceiversQueryVariables>;
export const MyGiveConsentDocument = new TypedDocumentString(`
    mutation MyGiveConsent($input: GiveConsentInput!) {
  giveConsent(input: $input) {
    consent {
      ...MyConsentLine
    }
  }
}
    fragment MyConsentLine on MyConsent {
  id
  sharingOrganization {
    id
    name
  }
  receivingOrganization {
    id
    name
  }
  receivingOrganizationType
  receivingRegionCode
  categories
  purpose
  validFrom
  validUntil
  givenBy
  recordedHow
  revokedAt
  status
  version
}`, {"hash":"sha256:9461a5d737ff65ce65c871cce72e6eba1c32560ffeed114ddc6e3181000443b9"}) as unknown as TypedDocumentString<MyGiveConsentMutation, MyGiveConsentMutationVariables>;
export const MyChangeConsentPeriodDocument = new TypedDocumentString(`
    mutation MyChangeConsentPeriod($input: ChangeConsentPeriodInput!) {
  changeConsentPeriod(input: $input) {
    consent {
      ...MyConsentLine
    }
  }
}
    fragment MyConsentLine on MyConsent {
  id
  sharingOrganization {
    id
    name
  }
  receivingOrganization {
    id
    name
  }
  receivingOrganizationType
  receivingRegionCode
  categories
  purpose
  validFrom
  validUntil
  givenBy
  recordedHow
  revokedAt
  status
  version
}`, {"hash":"sha256:2df6eec61447915e05e5acfb634c8cc49393400478671d06fc5374443e85ec41"}) as unknown as TypedDocumentString<MyChangeConsentPeriodMutation, MyChangeConsentPeriodMutationVariables>;
export const MyRevokeConsentDocument = new TypedDocumentString(`
    mutation MyRevokeConsent($input: RevokeConsentInput!) {
  revokeMyConsent(input: $input) {
    consent {
      ...MyConsentLine
    }
  }
}
    fragment MyConsentLine on MyConsent {
  id
  sharingOrganization {
    id
    name
  }
  receivingOrganization {
    id
    name
  }
  receivingOrganizationType
  receivingRegionCode
  categories
  purpose
  validFrom
  validUntil
  givenBy
  recordedHow
  revokedAt
  status
  version
}`, {"hash":"sha256:86f2b9579f5992adfda2e3349c33187d14794058f4a0f6667add31913063b6df"}) as unknown as TypedDocumentString<MyRevokeConsentMutation, MyRevokeConsentMutationVariables>;
export const MyAccessLogDocument = new TypedDocumentString(`
    query MyAccessLog($from: DateTime, $to: DateTime, $first: Int, $after: String) {
  mySupport {
    id
    accessLog(from: $from, to: $to, first: $first, after: $after) {
      edges {
        cursor
        node {
          eventId
          occurredAt
          action
          outcome
          outcomeReason
          userName
          role
          onBehalfOf
          organization {
            id
            name
          }
          dataCategories
          authorizationGround
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    breakGlassOpenings(first: 100) {
      totalCount
      nodes {
        id
        organization {
          id
          name
        }
        role
        reason
        openedAt
        expiresAt
      }
    }
  }
}
    `, {"hash":"sha256:f6098cf38d25f4f6f020aa09dd1559b5232b215c7614a53a71973f7aa8d8c931"}) as unknown as TypedDocumentString<MyAccessLogQuery, MyAccessLogQueryVariables>;
export const MyDataExportDocument = new TypedDocumentString(`
    query MyDataExport {
  myDataExport {
    generatedAt
    fileName
    json
  }
}
    `, {"hash":"sha256:3be901e0a3296b3d2e684dd1baf79fcd357c9ac1c6eb03c67aef5aa15ee67cde"}) as unknown as TypedDocumentString<MyDataExportQuery, MyDataExportQueryVariables>;
export const MyCorrectionTargetsDocument = new TypedDocumentString(`
    query MyCorrectionTargets {
  mySupport {
    id
    trajectories(first: 100) {
      nodes {
        id
        legalDomain
        status
        organization {
          id
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:ff99235fc4c74ad79eecc76d2416dd594fdc1d7594f25f44be5db6f72d0cd959"}) as unknown as TypedDocumentString<MyCorrectionTargetsQuery, MyCorrectionTargetsQueryVariables>;
export const MyRequestCorrectionDocument = new TypedDocumentString(`
    mutation MyRequestCorrection($input: RequestCorrectionInput!) {
  requestCorrection(input: $input) {
    correctionRequest {
      id
      createdAt
      organization {
        id
        name
      }
    }
  }
}
    `, {"hash":"sha256:695604713a10b6e47b637c4585a20a6d961debbd8f2a67251e2297b0def30150"}) as unknown as TypedDocumentString<MyRequestCorrectionMutation, MyRequestCorrectionMutationVariables>;
export const OverlegtafelQuarterDocument = new TypedDocumentString(`
    query OverlegtafelQuarter($region: String!, $from: String!, $to: String!) {
  zorgkantoorregio(code: $region) {
    code
    name
    signalSummary(granularity: QUARTER, from: $from, to: $to, groupBy: [CATEGORY]) {
      period
      startsOn
      endsOn
      total {
        signals
        withheld
        previousSignals
        previousWithheld
        change
      }
      cells {
        category
        signals
        withheld
        previousSignals
        previousWithheld
        change
      }
      medianWaitDays
      topNoCapacityServices(limit: 5) {
        service {
          id
          name
        }
        signals
      }
      topNoCapacityOrganizations(limit: 5) {
        organization {
          id
          name
        }
        signals
      }
    }
  }
  overlegtafel(zorgkantoorregioCode: $region) {
    id
    name
    knelpunten(first: 50) {
      totalCount
      nodes {
        ...KnelpuntListItem
      }
    }
  }
}
    fragment KnelpuntListItem on Knelpunt {
  id
  title
  status
  signalCount
  updatedAt
  meeting {
    id
    heldOn
    title
  }
}`, {"hash":"sha256:1b2c228d79dc8c3b4344f91d863a24f1b6d564f60e7b88d58d54cf76bac011ab"}) as unknown as TypedDocumentString<OverlegtafelQuarterQuery, OverlegtafelQuarterQueryVariables>;
export const OverlegtafelCsvDocument = new TypedDocumentString(`
    query OverlegtafelCsv($input: SignalSummaryInput!) {
  signalSummaryCsv(input: $input)
}
    `, {"hash":"sha256:c62e9ca7030089a7f6cf5bbb4f53e7668c462f201292cbadaa9df092e09a2301"}) as unknown as TypedDocumentString<OverlegtafelCsvQuery, OverlegtafelCsvQueryVariables>;
export const OverlegtafelSignalsDocument = new TypedDocumentString(`
    query OverlegtafelSignals($region: String!, $from: Date!, $to: Date!, $onlyUngrouped: Boolean, $first: Int, $after: String) {
  overlegtafel(zorgkantoorregioCode: $region) {
    id
    signals(
      from: $from
      to: $to
      onlyUngrouped: $onlyUngrouped
      first: $first
      after: $after
    ) {
      nodes {
        ...SignalListItem
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    knelpunten(status: [NEW, ON_AGENDA, ACTION], first: 100) {
      nodes {
        id
        title
      }
    }
  }
}
    fragment SignalListItem on Signal {
  id
  source
  category
  targetGroup
  ageBand
  legalDomain
  wlzSector
  lifeDomain
  observedOn
  waitDays
  clientCount
  description
  gapReason
  gemeente {
    code
    name
  }
  service {
    id
    name
  }
  organization {
    id
    name
  }
  reporterOrganization {
    id
    name
  }
  knelpunt {
    id
    title
  }
}`, {"hash":"sha256:6a7f8bdbee7d122126bad7c119a81041f2eb2463223b0abc3ea5c94a9719c7d8"}) as unknown as TypedDocumentString<OverlegtafelSignalsQuery, OverlegtafelSignalsQueryVariables>;
export const CreateKnelpuntDocument = new TypedDocumentString(`
    mutation CreateKnelpunt($input: CreateKnelpuntInput!) {
  createKnelpunt(input: $input) {
    knelpunt {
      id
    }
  }
}
    `, {"hash":"sha256:3a2c52ad2098c416782cfb4749f32bc76b94555c4e3082dc6bf08b17eb52310c"}) as unknown as TypedDocumentString<CreateKnelpuntMutation, CreateKnelpuntMutationVariables>;
export const AddSignalsToKnelpuntDocument = new TypedDocumentString(`
    mutation AddSignalsToKnelpunt($input: AddSignalsToKnelpuntInput!) {
  addSignalsToKnelpunt(input: $input) {
    knelpunt {
      id
    }
  }
}
    `, {"hash":"sha256:6a7c35c84857a1044455d2f972e2c9b5d76e375154cea350dd1aaaba5c968404"}) as unknown as TypedDocumentString<AddSignalsToKnelpuntMutation, AddSignalsToKnelpuntMutationVariables>;
export const KnelpuntDocument = new TypedDocumentString(`
    query Knelpunt($id: ID!, $region: String!) {
  knelpunt(id: $id) {
    ...KnelpuntDetail
  }
  overlegtafel(zorgkantoorregioCode: $region) {
    id
    members {
      id
      name
    }
    meetings(first: 50) {
      nodes {
        id
        heldOn
        title
      }
    }
  }
}
    fragment SignalListItem on Signal {
  id
  source
  category
  targetGroup
  ageBand
  legalDomain
  wlzSector
  lifeDomain
  observedOn
  waitDays
  clientCount
  description
  gapReason
  gemeente {
    code
    name
  }
  service {
    id
    name
  }
  organization {
    id
    name
  }
  reporterOrganization {
    id
    name
  }
  knelpunt {
    id
    title
  }
}
fragment KnelpuntDetail on Knelpunt {
  id
  title
  description
  status
  version
  signalCount
  clientCount
  createdAt
  updatedAt
  zorgkantoorregio {
    code
    name
  }
  meeting {
    id
    heldOn
    title
  }
  signals(first: 100) {
    totalCount
    nodes {
      ...SignalListItem
    }
  }
  decisions(first: 100) {
    totalCount
    nodes {
      id
      text
      decidedOn
      meeting {
        id
        title
      }
    }
  }
  actions(first: 100) {
    totalCount
    nodes {
      id
      description
      dueOn
      status
      overdue
      completedAt
      owner {
        id
        name
      }
    }
  }
  feedback(first: 100) {
    totalCount
    nodes {
      id
      text
      createdAt
    }
  }
  resolution {
    note
    resolvedOn
  }
  reopenThreshold
  zorginkoop {
    status
    question
    askedOn
    outcome
    decidedOn
  }
  history(first: 100) {
    totalCount
    nodes {
      from
      to
      at
      automatic
      by {
        id
        name
      }
    }
  }
}`, {"hash":"sha256:6f19b57a1e385929a4726d240dc2d32fe5beac63cb868b663e96b7916f22699c"}) as unknown as TypedDocumentString<KnelpuntQuery, KnelpuntQueryVariables>;
export const KnelpuntTrendDocument = new TypedDocumentString(`
    query KnelpuntTrend($id: ID!) {
  knelpunt(id: $id) {
    id
    trend(quartersBefore: 4, quartersAfter: 4) {
      referenceDate
      quarters {
        quarter
        side
        startsOn
        endsOn
        signals
        clients
        followUpSignals
      }
    }
  }
}
    `, {"hash":"sha256:62844655783ca3899c245d67a2539bcbbe7ac79e697bd9ec7c4517e865517eab"}) as unknown as TypedDocumentString<KnelpuntTrendQuery, KnelpuntTrendQueryVariables>;
export const KnelpuntFollowUpsDocument = new TypedDocumentString(`
    query KnelpuntFollowUps($id: ID!, $first: Int, $after: String) {
  knelpunt(id: $id) {
    id
    followUpSignals(first: $first, after: $after) {
      totalCount
      nodes {
        ...SignalListItem
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment SignalListItem on Signal {
  id
  source
  category
  targetGroup
  ageBand
  legalDomain
  wlzSector
  lifeDomain
  observedOn
  waitDays
  clientCount
  description
  gapReason
  gemeente {
    code
    name
  }
  service {
    id
    name
  }
  organization {
    id
    name
  }
  reporterOrganization {
    id
    name
  }
  knelpunt {
    id
    title
  }
}`, {"hash":"sha256:f63d638911144254fa2865f6043f662af06614fe23e6e496fb2b4717ee4ee7a6"}) as unknown as TypedDocumentString<KnelpuntFollowUpsQuery, KnelpuntFollowUpsQueryVariables>;
export const SetKnelpuntReopenThresholdDocument = new TypedDocumentString(`
    mutation SetKnelpuntReopenThreshold($input: SetKnelpuntReopenThresholdInput!) {
  setKnelpuntReopenThreshold(input: $input) {
    knelpunt {
      id
      reopenThreshold
    }
  }
}
    `, {"hash":"sha256:5badc27cb47e6dd32ab6f9a8fb73a71e675cc5579012462bd3a201e3684fd021"}) as unknown as TypedDocumentString<SetKnelpuntReopenThresholdMutation, SetKnelpuntReopenThresholdMutationVariables>;
export const HandKnelpuntToZorginkoopDocument = new TypedDocumentString(`
    mutation HandKnelpuntToZorginkoop($input: HandKnelpuntToZorginkoopInput!) {
  handKnelpuntToZorginkoop(input: $input) {
    knelpunt {
      id
    }
  }
}
    `, {"hash":"sha256:c672d73c762a4e967e796189bdf6a06b1ab94310955b86bc11b1a243b4721f18"}) as unknown as TypedDocumentString<HandKnelpuntToZorginkoopMutation, HandKnelpuntToZorginkoopMutationVariables>;
export const RecordZorginkoopOutcomeDocument = new TypedDocumentString(`
    mutation RecordZorginkoopOutcome($input: RecordZorginkoopOutcomeInput!) {
  recordZorginkoopOutcome(input: $input) {
    knelpunt {
      id
    }
  }
}
    `, {"hash":"sha256:99ee95f5f7eb5f8596d093ad0e21f8ce01d667221629b373cd6e44aaa78628d2"}) as unknown as TypedDocumentString<RecordZorginkoopOutcomeMutation, RecordZorginkoopOutcomeMutationVariables>;
export const ScheduleOverlegtafelMeetingDocument = new TypedDocumentString(`
    mutation ScheduleOverlegtafelMeeting($input: ScheduleMeetingInput!) {
  scheduleOverlegtafelMeeting(input: $input) {
    meeting {
      id
      heldOn
      title
    }
  }
}
    `, {"hash":"sha256:fe56606bd813bbb246102752a91fe98486d780c4f7d07d345df63d19e0ee32e1"}) as unknown as TypedDocumentString<ScheduleOverlegtafelMeetingMutation, ScheduleOverlegtafelMeetingMutationVariables>;
export const TransitionKnelpuntDocument = new TypedDocumentString(`
    mutation TransitionKnelpunt($input: TransitionKnelpuntInput!) {
  transitionKnelpunt(input: $input) {
    knelpunt {
      ...KnelpuntDetail
    }
  }
}
    fragment SignalListItem on Signal {
  id
  source
  category
  targetGroup
  ageBand
  legalDomain
  wlzSector
  lifeDomain
  observedOn
  waitDays
  clientCount
  description
  gapReason
  gemeente {
    code
    name
  }
  service {
    id
    name
  }
  organization {
    id
    name
  }
  reporterOrganization {
    id
    name
  }
  knelpunt {
    id
    title
  }
}
fragment KnelpuntDetail on Knelpunt {
  id
  title
  description
  status
  version
  signalCount
  clientCount
  createdAt
  updatedAt
  zorgkantoorregio {
    code
    name
  }
  meeting {
    id
    heldOn
    title
  }
  signals(first: 100) {
    totalCount
    nodes {
      ...SignalListItem
    }
  }
  decisions(first: 100) {
    totalCount
    nodes {
      id
      text
      decidedOn
      meeting {
        id
        title
      }
    }
  }
  actions(first: 100) {
    totalCount
    nodes {
      id
      description
      dueOn
      status
      overdue
      completedAt
      owner {
        id
        name
      }
    }
  }
  feedback(first: 100) {
    totalCount
    nodes {
      id
      text
      createdAt
    }
  }
  resolution {
    note
    resolvedOn
  }
  reopenThreshold
  zorginkoop {
    status
    question
    askedOn
    outcome
    decidedOn
  }
  history(first: 100) {
    totalCount
    nodes {
      from
      to
      at
      automatic
      by {
        id
        name
      }
    }
  }
}`, {"hash":"sha256:dfb22e96df78b6019314681e44684c55b2540524b8136efff1e9ded8800948dc"}) as unknown as TypedDocumentString<TransitionKnelpuntMutation, TransitionKnelpuntMutationVariables>;
export const RecordKnelpuntDecisionDocument = new TypedDocumentString(`
    mutation RecordKnelpuntDecision($input: RecordDecisionInput!) {
  recordKnelpuntDecision(input: $input) {
    decision {
      id
    }
  }
}
    `, {"hash":"sha256:44e6c446aafaea3f18bdb41c27475c3cd92d605e217d6e7a9a7352d90829a076"}) as unknown as TypedDocumentString<RecordKnelpuntDecisionMutation, RecordKnelpuntDecisionMutationVariables>;
export const AddKnelpuntActionDocument = new TypedDocumentString(`
    mutation AddKnelpuntAction($input: AddActionInput!) {
  addKnelpuntAction(input: $input) {
    action {
      id
    }
  }
}
    `, {"hash":"sha256:88b38f306bc058e70cf4b051816697919389f93f8e2df885018674e3893c36e2"}) as unknown as TypedDocumentString<AddKnelpuntActionMutation, AddKnelpuntActionMutationVariables>;
export const CompleteKnelpuntActionDocument = new TypedDocumentString(`
    mutation CompleteKnelpuntAction($input: CompleteKnelpuntActionInput!) {
  completeKnelpuntAction(input: $input) {
    action {
      id
      status
    }
  }
}
    `, {"hash":"sha256:fa95d6f461ec9f9152d81d0dc674b02073e07a37bae46406396edf5bf5a48bb7"}) as unknown as TypedDocumentString<CompleteKnelpuntActionMutation, CompleteKnelpuntActionMutationVariables>;
export const AddKnelpuntFeedbackDocument = new TypedDocumentString(`
    mutation AddKnelpuntFeedback($input: AddKnelpuntFeedbackInput!) {
  addKnelpuntFeedback(input: $input) {
    feedback {
      id
    }
  }
}
    `, {"hash":"sha256:de32105b36333ea79a5322a9949542bd009643711b681a885fbc5f9a0eefe590"}) as unknown as TypedDocumentString<AddKnelpuntFeedbackMutation, AddKnelpuntFeedbackMutationVariables>;
export const ReportSignalRegionsDocument = new TypedDocumentString(`
    query ReportSignalRegions($gemeente: String!, $withGemeente: Boolean!) {
  zorgkantoorregios {
    code
    name
  }
  gemeente(code: $gemeente) @include(if: $withGemeente) {
    code
    zorgkantoorregio {
      code
    }
  }
}
    `, {"hash":"sha256:f9c3d0f173d43ee28cae437b9e93bd1c91d30d364be5b9901028c71a232c702a"}) as unknown as TypedDocumentString<ReportSignalRegionsQuery, ReportSignalRegionsQueryVariables>;
export const ReportSignalRegionDocument = new TypedDocumentString(`
    query ReportSignalRegion($region: String!) {
  zorgkantoorregio(code: $region) {
    code
    name
    gemeenten {
      code
      name
    }
  }
}
    `, {"hash":"sha256:7dfe2a595ca2f5fec0ee548ecfad970387bc28e87242cc9e25712f23273e7a94"}) as unknown as TypedDocumentString<ReportSignalRegionQuery, ReportSignalRegionQueryVariables>;
export const ReportSignalDocument = new TypedDocumentString(`
    mutation ReportSignal($input: ReportSignalInput!) {
  reportSignal(input: $input) {
    signal {
      id
      category
      observedOn
    }
  }
}
    `, {"hash":"sha256:88318f86c2d242e69147ffaf218f2e9d724f8bb632fdc11295e80cc8d436f66a"}) as unknown as TypedDocumentString<ReportSignalMutation, ReportSignalMutationVariables>;
export const MySignalsDocument = new TypedDocumentString(`
    query MySignals($first: Int, $after: String) {
  mySignals(first: $first, after: $after) {
    nodes {
      id
      category
      observedOn
      description
      gemeente {
        code
        name
      }
      knelpunt {
        id
        title
        status
        zorginkoop {
          status
          outcome
          decidedOn
        }
        feedback(first: 100) {
          nodes {
            id
            text
            createdAt
          }
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:daac59903dea0f728aa6345a724c6859a54f034a01b5deb4c4101c24f93f2673"}) as unknown as TypedDocumentString<MySignalsQuery, MySignalsQueryVariables>;
export const PrivacyFindClientDocument = new TypedDocumentString(`
    query PrivacyFindClient($bsn: String!) {
  findClientByBsn(bsn: $bsn, purpose: PRIVACY_REQUEST) {
    id
  }
}
    `, {"hash":"sha256:04d12fddbd7810f545e61761b8cf0a50b16c56d0aa4209f21037d3506e2f8f07"}) as unknown as TypedDocumentString<PrivacyFindClientQuery, PrivacyFindClientQueryVariables>;
export const PrivacyAccessLogDocument = new TypedDocumentString(`
    query PrivacyAccessLog($client: ID!, $from: DateTime!, $to: DateTime!, $organization: ID, $first: Int, $after: String) {
  client(id: $client, purpose: PRIVACY_REQUEST) {
    id
    accessLog(
      from: $from
      to: $to
      organization: $organization
      first: $first
      after: $after
    ) {
      edges {
        cursor
        node {
          ...AccessLogLine
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment AccessLogLine on AccessLogEntry {
  eventId
  occurredAt
  action
  outcome
  outcomeReason
  userId
  userName
  role
  organization {
    id
    name
  }
  dataCategories
  authorizationGround
  accessPoint
}`, {"hash":"sha256:f90f469193328240edbced63a217109b4107e4c4d51b359a90cd975eeed86fbf"}) as unknown as TypedDocumentString<PrivacyAccessLogQuery, PrivacyAccessLogQueryVariables>;
export const PrivacyAccessLogExportDocument = new TypedDocumentString(`
    query PrivacyAccessLogExport($client: ID!, $from: DateTime!, $to: DateTime!, $organization: ID) {
  client(id: $client, purpose: PRIVACY_REQUEST) {
    id
    accessLogExport(from: $from, to: $to, organization: $organization) {
      exportedAt
      lines {
        ...AccessLogLine
      }
    }
  }
}
    fragment AccessLogLine on AccessLogEntry {
  eventId
  occurredAt
  action
  outcome
  outcomeReason
  userId
  userName
  role
  organization {
    id
    name
  }
  dataCategories
  authorizationGround
  accessPoint
}`, {"hash":"sha256:98b4a2d16d531dd78032f75915192f8739f018f8f9c347c10a58106b02e60eda"}) as unknown as TypedDocumentString<PrivacyAccessLogExportQuery, PrivacyAccessLogExportQueryVariables>;
export const BreakGlassReviewsDocument = new TypedDocumentString(`
    query BreakGlassReviews($unreviewedOnly: Boolean, $first: Int, $after: String) {
  breakGlassReviews(unreviewedOnly: $unreviewedOnly, first: $first, after: $after) {
    nodes {
      id
      clientId
      userName
      role
      reason
      openedAt
      expiresAt
      active
      reviewedAt
      justified
      reviewNote
      reviewOverdue
      version
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:78d7532f86930a308ca7e49d5c6c49f2166a877a153767b4b7225dbf7592e2c9"}) as unknown as TypedDocumentString<BreakGlassReviewsQuery, BreakGlassReviewsQueryVariables>;
export const ReviewBreakGlassDocument = new TypedDocumentString(`
    mutation ReviewBreakGlass($input: ReviewBreakGlassInput!) {
  reviewBreakGlass(input: $input) {
    breakGlass {
      id
      reviewedAt
      justified
      reviewNote
      version
    }
  }
}
    `, {"hash":"sha256:5f35eabd2c9f33dee08af343630793d5fb29927f4a6e1c4d715ef7d1ad9212e8"}) as unknown as TypedDocumentString<ReviewBreakGlassMutation, ReviewBreakGlassMutationVariables>;
export const OverzichtGebiedenDocument = new TypedDocumentString(`
    query OverzichtGebieden($gemeente: String!, $region: String!, $byGemeente: Boolean!) {
  gemeente(code: $gemeente) @include(if: $byGemeente) {
    code
    name
    zorgkantoorregio {
      code
      name
    }
  }
  zorgkantoorregio(code: $region) @skip(if: $byGemeente) {
    code
    name
    gemeenten {
      code
      name
    }
  }
}
    `, {"hash":"sha256:4267b5ed64e489a93f209282725e3f93033a01afa4c1b799e6a87483a6aa5f9b"}) as unknown as TypedDocumentString<OverzichtGebiedenQuery, OverzichtGebiedenQueryVariables>;
export const VraagEnAanbodDocument = new TypedDocumentString(`
    query VraagEnAanbod($input: SupportOverviewInput!) {
  supportOverview(input: $input) {
    id
    period {
      key
      from
      to
    }
    previousPeriod {
      key
    }
    demand {
      trajectoriesOpened {
        value
        suppressed
      }
      trajectoriesOpenedPrevious {
        value
        suppressed
      }
      peopleSupported {
        value
        suppressed
      }
      peopleSupportedPrevious {
        value
        suppressed
      }
      byLegalDomain {
        key
        count {
          value
          suppressed
        }
        previous {
          value
          suppressed
        }
      }
      wijsplichtPointed {
        value
        suppressed
      }
      wijsplichtAccepted {
        value
        suppressed
      }
    }
    handovers {
      sent {
        value
        suppressed
      }
      sentPrevious {
        value
        suppressed
      }
      accepted {
        value
        suppressed
      }
      rejected {
        value
        suppressed
      }
      medianWorkingDaysToAnswer
      started {
        value
        suppressed
      }
      medianWorkingDaysToStart
    }
    supply {
      services
      organizations
      independentServices
      servicesReportingCapacity
      hasCapacity
      waitlist
      noCapacity
      additionalAssessmentRequired
      medianWaitDays
      staleCapacityReports
    }
  }
}
    `, {"hash":"sha256:529bd74324ade40e89c4bd2ea6654794d41feb0cb6580ef47bef79a3f52505ca"}) as unknown as TypedDocumentString<VraagEnAanbodQuery, VraagEnAanbodQueryVariables>;
export const MyHalfYearReportsDocument = new TypedDocumentString(`
    query MyHalfYearReports($first: Int!, $after: String) {
  myHalfYearReports(first: $first, after: $after) {
    nodes {
      ...HalfYearReportListParts
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment HalfYearReportListParts on HalfYearReport {
  id
  status
  version
  period {
    key
    year
    number
  }
  organization {
    id
    name
  }
  submittedAt
  updatedAt
}`, {"hash":"sha256:7e618c70e5eed01e11e4480cfb87ee26021b87ea4d76d7d7cbe593f3f1a00fde"}) as unknown as TypedDocumentString<MyHalfYearReportsQuery, MyHalfYearReportsQueryVariables>;
export const SatisfactionMeasurementStatusDocument = new TypedDocumentString(`
    query SatisfactionMeasurementStatus {
  satisfactionMeasurementStatus {
    ...SatisfactionParts
  }
}
    fragment SatisfactionParts on SatisfactionMeasurementStatus {
  lastDoneOn
  lastMethod
  lastRespondents
  dueOn
  overdue
}`, {"hash":"sha256:88f7670faac1857f86cf463ada373a844119d1b793127ebe4e025519b681ff83"}) as unknown as TypedDocumentString<SatisfactionMeasurementStatusQuery, SatisfactionMeasurementStatusQueryVariables>;
export const CommissionedHalfYearReportsDocument = new TypedDocumentString(`
    query CommissionedHalfYearReports($status: HalfYearReportStatus, $first: Int!, $after: String) {
  commissionedHalfYearReports(status: $status, first: $first, after: $after) {
    nodes {
      ...HalfYearReportListParts
      gemeenteParts {
        gemeente {
          code
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment HalfYearReportListParts on HalfYearReport {
  id
  status
  version
  period {
    key
    year
    number
  }
  organization {
    id
    name
  }
  submittedAt
  updatedAt
}`, {"hash":"sha256:871444140b6a44cf71b145afe716506508edcafa2030d8c850867b53f72e140c"}) as unknown as TypedDocumentString<CommissionedHalfYearReportsQuery, CommissionedHalfYearReportsQueryVariables>;
export const StartHalfYearReportDocument = new TypedDocumentString(`
    mutation StartHalfYearReport($input: StartHalfYearReportInput!) {
  startHalfYearReport(input: $input) {
    report {
      id
    }
  }
}
    `, {"hash":"sha256:2725a2e7690c1e2995fc5fae099f0ed88e7c7be81e227e7058ac087bb57d31d6"}) as unknown as TypedDocumentString<StartHalfYearReportMutation, StartHalfYearReportMutationVariables>;
export const RecordSatisfactionMeasurementDocument = new TypedDocumentString(`
    mutation RecordSatisfactionMeasurement($input: RecordSatisfactionMeasurementInput!) {
  recordSatisfactionMeasurement(input: $input) {
    status {
      ...SatisfactionParts
    }
  }
}
    fragment SatisfactionParts on SatisfactionMeasurementStatus {
  lastDoneOn
  lastMethod
  lastRespondents
  dueOn
  overdue
}`, {"hash":"sha256:34530e37c2a929f31739843f1171696ba024d7583e742cd4790de353b4b89f49"}) as unknown as TypedDocumentString<RecordSatisfactionMeasurementMutation, RecordSatisfactionMeasurementMutationVariables>;
export const HalfYearReportPageDocument = new TypedDocumentString(`
    query HalfYearReportPage($id: ID!) {
  halfYearReport(id: $id) {
    id
    status
    version
    organization {
      id
      name
    }
    period {
      key
      year
      number
      from
      to
    }
    total {
      previousPeriod {
        key
      }
      ...SupportReportFigures
    }
    gemeenteParts {
      gemeente {
        code
        name
      }
      figures {
        previousPeriod {
          key
        }
        ...SupportReportFigures
      }
    }
    narrative {
      observations
      signalled
      outlook
    }
    satisfactionMeasurement {
      ...SatisfactionParts
    }
    acknowledgements {
      organization {
        id
        name
      }
      at
    }
    downloads {
      csv
      pdf
    }
    createdAt
    submittedAt
    updatedAt
  }
}
    fragment ReportCountParts on ReportCount {
  value
  suppressed
}
fragment ReportAverageParts on ReportAverage {
  value
  suppressed
  display
}
fragment ReportBreakdownParts on ReportBreakdownItem {
  key
  count {
    ...ReportCountParts
  }
  previous {
    ...ReportCountParts
  }
}
fragment SupportReportFigures on SupportReport {
  peopleSupported {
    ...ReportCountParts
  }
  peopleSupportedPrevious {
    ...ReportCountParts
  }
  peopleSupportedChange
  trajectoriesClosed {
    ...ReportCountParts
  }
  wijsplichtPointed {
    ...ReportCountParts
  }
  wijsplichtAccepted {
    ...ReportCountParts
  }
  byLegalDomain {
    ...ReportBreakdownParts
  }
  bySupportForm {
    ...ReportBreakdownParts
  }
  byLifeDomain {
    ...ReportBreakdownParts
  }
  selfReliance {
    lifeDomain
    trajectories {
      ...ReportCountParts
    }
    averageStart {
      ...ReportAverageParts
    }
    averageEnd {
      ...ReportAverageParts
    }
    averageChange {
      ...ReportAverageParts
    }
  }
  ownNetworkUsed {
    ...ReportCountParts
  }
  ownNetworkNotUsed {
    ...ReportCountParts
  }
  satisfactionResponses {
    ...ReportCountParts
  }
  averageSatisfaction {
    ...ReportAverageParts
  }
  byTargetGroup {
    ...ReportBreakdownParts
  }
}
fragment SatisfactionParts on SatisfactionMeasurementStatus {
  lastDoneOn
  lastMethod
  lastRespondents
  dueOn
  overdue
}`, {"hash":"sha256:51b5b576344c8986bac787cd621b8d77094f75b0e782fbdd8071f2c0d71d18c5"}) as unknown as TypedDocumentString<HalfYearReportPageQuery, HalfYearReportPageQueryVariables>;
export const UpdateHalfYearReportNarrativeDocument = new TypedDocumentString(`
    mutation UpdateHalfYearReportNarrative($input: UpdateHalfYearReportNarrativeInput!) {
  updateHalfYearReportNarrative(input: $input) {
    report {
      id
      version
      narrative {
        observations
        signalled
        outlook
      }
    }
  }
}
    `, {"hash":"sha256:ae1220b61fc6d5de1453a73bcd033562b2b401647f49d411f83703edbfc4941a"}) as unknown as TypedDocumentString<UpdateHalfYearReportNarrativeMutation, UpdateHalfYearReportNarrativeMutationVariables>;
export const SubmitHalfYearReportDocument = new TypedDocumentString(`
    mutation SubmitHalfYearReport($input: HalfYearReportVersionInput!) {
  submitHalfYearReport(input: $input) {
    report {
      id
      status
      version
    }
  }
}
    `, {"hash":"sha256:7d2b80bda4c961d672188ad3bfb22bd8298bf42c2b07dfd15fabb43197cd85f1"}) as unknown as TypedDocumentString<SubmitHalfYearReportMutation, SubmitHalfYearReportMutationVariables>;
export const AcknowledgeHalfYearReportDocument = new TypedDocumentString(`
    mutation AcknowledgeHalfYearReport($input: HalfYearReportVersionInput!) {
  acknowledgeHalfYearReport(input: $input) {
    report {
      id
      status
      version
    }
  }
}
    `, {"hash":"sha256:02f4d1160f25c499cb246b2c9e7c59417ce153e9550fef2e395da9752133a152"}) as unknown as TypedDocumentString<AcknowledgeHalfYearReportMutation, AcknowledgeHalfYearReportMutationVariables>;
export const CommissionsDocument = new TypedDocumentString(`
    query Commissions($first: Int!, $after: String) {
  commissions(first: $first, after: $after) {
    nodes {
      id
      kind
      gemeenteCodes
      validFrom
      validUntil
      createdAt
      provider {
        id
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:8d449700f917f73b0b01fe116cbec54751a8541325d8cff68c498af2d69d776f"}) as unknown as TypedDocumentString<CommissionsQuery, CommissionsQueryVariables>;
export const CommissionProvidersDocument = new TypedDocumentString(`
    query CommissionProviders($type: OrganizationType, $after: String) {
  organizations(type: $type, first: 100, after: $after) {
    nodes {
      id
      name
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:5a8c146c2ab936f753ecffc1f2be94e6b07b1de6a3130191ae299910cb2c2015"}) as unknown as TypedDocumentString<CommissionProvidersQuery, CommissionProvidersQueryVariables>;
export const CommissionGemeentenDocument = new TypedDocumentString(`
    query CommissionGemeenten($gemeente: String!, $withGemeente: Boolean!, $region: String!, $withRegion: Boolean!) {
  gemeente(code: $gemeente) @include(if: $withGemeente) {
    code
    name
  }
  zorgkantoorregio(code: $region) @include(if: $withRegion) {
    code
    name
    gemeenten {
      code
      name
    }
  }
}
    `, {"hash":"sha256:deddbacad5ed88c52fddbe229e02ca698e054c8c21480b89a237f39dd4c4bb06"}) as unknown as TypedDocumentString<CommissionGemeentenQuery, CommissionGemeentenQueryVariables>;
export const RecordCommissionDocument = new TypedDocumentString(`
    mutation RecordCommission($input: RecordCommissionInput!) {
  recordCommission(input: $input) {
    commission {
      id
    }
  }
}
    `, {"hash":"sha256:f6e32c1e14e974d32437499d81d2059626b234a5244ac9ab255509065bc0e2a1"}) as unknown as TypedDocumentString<RecordCommissionMutation, RecordCommissionMutationVariables>;
export const EndCommissionDocument = new TypedDocumentString(`
    mutation EndCommission($input: EndCommissionInput!) {
  endCommission(input: $input) {
    commission {
      id
      validUntil
    }
  }
}
    `, {"hash":"sha256:7b5d2b1db154740fe2a850a823ed6f65217f91f93f3d738104e0a66b859a8537"}) as unknown as TypedDocumentString<EndCommissionMutation, EndCommissionMutationVariables>;
export const SearchServicesDocument = new TypedDocumentString(`
    query SearchServices($text: String, $filter: ServiceSearchFilter, $sort: ServiceSort, $first: Int, $after: String) {
  searchServices(
    text: $text
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      distanceKm
      node {
        id
        name
        description
        status
        formality
        independent
        legalDomains
        leveringsvormen
        zorgprofielen {
          code
          name
          label
        }
        organization {
          id
          name
        }
        capacity {
          status
          expectedWaitDays
        }
        freshness {
          stale
        }
      }
    }
    facets {
      legalDomains {
        value
        count
      }
      lifeDomains {
        value
        count
      }
      targetGroups {
        value
        count
      }
      supportForms {
        value
        count
      }
      wlzSectors {
        value
        count
      }
      leveringsvormen {
        value
        count
      }
      formality {
        value
        count
      }
      independent {
        value
        count
      }
      capacity {
        value
        count
      }
      languages {
        value
        count
      }
    }
  }
}
    `, {"hash":"sha256:cbb36e08ada63d1840468e3b4f01ca4a468a842fc757eebdaf9ea7dc5c8fc832"}) as unknown as TypedDocumentString<SearchServicesQuery, SearchServicesQueryVariables>;
export const ServiceDetailDocument = new TypedDocumentString(`
    query ServiceDetail($id: ID!) {
  service(id: $id) {
    id
    name
    description
    status
    formality
    independent
    eligibility
    minimumAge
    maximumAge
    legalDomains
    lifeDomains
    targetGroups
    supportForms
    wlzSectors
    leveringsvormen
    zorgprofielen {
      code
      name
      label
      expired
    }
    languages
    applicationProcess
    cost {
      type
      amount
      description
    }
    contact {
      phone
      email
      url
      walkIn
    }
    openingHours {
      weekday
      opensAt
      closesAt
    }
    serviceArea {
      scope
      gemeenten {
        code
        name
      }
      zorgkantoorregios {
        code
        name
      }
    }
    locations(first: 100) {
      nodes {
        id
        name
        address
        postalCode
        city
        accessibility
        confidential
        active
      }
    }
    capacity {
      status
      available
      maximum
      unit
      expectedWaitDays
      updatedAt
      stale
    }
    freshness {
      lastVerifiedAt
      stale
    }
    organization {
      id
      name
      type
      website
      email
      phones {
        number
        description
      }
    }
    updatedAt
  }
}
    `, {"hash":"sha256:07f4d2780ed3bad148c6d5f8f5cbdc2e9694ca981891a548bc3f330f4d95efe9"}) as unknown as TypedDocumentString<ServiceDetailQuery, ServiceDetailQueryVariables>;
export const PostcodeSearchAvailableDocument = new TypedDocumentString(`
    query PostcodeSearchAvailable {
  postcodeSearchAvailable
}
    `, {"hash":"sha256:25775270b56b8f76edddde9baa13e99357c0b5701085f1d80ee9ce78ab1120b2"}) as unknown as TypedDocumentString<PostcodeSearchAvailableQuery, PostcodeSearchAvailableQueryVariables>;
export const ClientSupportInGemeenteDocument = new TypedDocumentString(`
    query ClientSupportInGemeente($gemeenteCode: String!) {
  formal: searchServices(
    filter: {gemeenteCode: $gemeenteCode, formality: FORMAL, supportForms: [INFORMATIE_EN_ADVIES, PERSOONLIJK_PLAN, KEUZE_ZORGAANBIEDER_EN_ZORG, ZORGPLAN, BEMIDDELING, KLACHTEN_BEZWAAR_BEROEP, HERINDICATIE]}
    sort: NAME
    first: 50
  ) {
    totalCount
    edges {
      node {
        ...ClientSupportService
      }
    }
  }
  informal: searchServices(
    filter: {gemeenteCode: $gemeenteCode, formality: INFORMAL, supportForms: [INFORMATIE_EN_ADVIES, PERSOONLIJK_PLAN, KEUZE_ZORGAANBIEDER_EN_ZORG, ZORGPLAN, BEMIDDELING, KLACHTEN_BEZWAAR_BEROEP, HERINDICATIE]}
    sort: NAME
    first: 50
  ) {
    totalCount
    edges {
      node {
        ...ClientSupportService
      }
    }
  }
}
    fragment ClientSupportService on Service {
  id
  name
  description
  independent
  legalDomains
  supportForms
  organization {
    id
    name
  }
  contact {
    phone
    email
    url
    walkIn
  }
}`, {"hash":"sha256:81e6cc9a04573810773549460ba93349f7d3f85dda31bb87b96f445e949e8e0b"}) as unknown as TypedDocumentString<ClientSupportInGemeenteQuery, ClientSupportInGemeenteQueryVariables>;
export const HandoverListDocument = new TypedDocumentString(`
    query HandoverList($box: ReferralBox!, $filter: ReferralFilter, $first: Int, $after: String) {
  referrals(box: $box, filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...ReferralListItem
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}`, {"hash":"sha256:02b8d904fcff80c6b45bdaa4c6470c172c620b2ddf1a2bd2ac33abb53f39674d"}) as unknown as TypedDocumentString<HandoverListQuery, HandoverListQueryVariables>;
export const HandoverOpenTrajectoriesDocument = new TypedDocumentString(`
    query HandoverOpenTrajectories($first: Int, $after: String) {
  myTrajectories(status: OPEN, first: $first, after: $after) {
    nodes {
      id
      legalDomain
      openedAt
      client {
        id
        name {
          givenName
          namePrefix
          familyName
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:35c0019d2ca2168ff8110336c4d0c2d1c0830fa61c5b415de53b0f5aa128a086"}) as unknown as TypedDocumentString<HandoverOpenTrajectoriesQuery, HandoverOpenTrajectoriesQueryVariables>;
export const HandoverReceiversDocument = new TypedDocumentString(`
    query HandoverReceivers($type: OrganizationType, $first: Int, $after: String) {
  organizations(type: $type, first: $first, after: $after) {
    totalCount
    nodes {
      id
      name
      type
      gemeente {
        code
        name
      }
      zorgkantoorregio {
        code
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:0f551ec5c410da76711af7d0dc3945ecb7d9a2be265d0fccebc525b5f0f18353"}) as unknown as TypedDocumentString<HandoverReceiversQuery, HandoverReceiversQueryVariables>;
export const HandoverConsentsDocument = new TypedDocumentString(`
    query HandoverConsents($clientId: ID!) {
  client(id: $clientId) {
    id
    consents(first: 100) {
      nodes {
        id
        status
        purpose
        categories
        validUntil
        receivingOrganization {
          id
        }
        receivingOrganizationType
        receivingRegionCode
        recordedByOrganization {
          id
        }
      }
    }
  }
}
    `, {"hash":"sha256:8aa7dcded4968f5ed816d7e972d5d39e5cfd5ceecff1aa2a0843a031dc03b12d"}) as unknown as TypedDocumentString<HandoverConsentsQuery, HandoverConsentsQueryVariables>;
export const CreateHandoverDocument = new TypedDocumentString(`
    mutation CreateHandover($input: CreateReferralInput!) {
  createReferral(input: $input) {
    referral {
      id
      status
    }
  }
}
    `, {"hash":"sha256:b72bf38eed09064012d0451226010b926170d213a467720c045e9b125ee8ef42"}) as unknown as TypedDocumentString<CreateHandoverMutation, CreateHandoverMutationVariables>;
export const HandoverDocument = new TypedDocumentString(`
    query Handover($id: ID!) {
  referral(id: $id) {
    ...ReferralDetail
  }
}
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}
fragment ReferralDetail on Referral {
  ...ReferralListItem
  version
  consentId
  supportFormsRequested
  question
  sameCounsellorContinues
  continuingCounsellor {
    name
    workPhone
    workEmail
    availability
  }
  handoverSummary {
    situation
    question
    whatWasDone
    agreements
    openActions
    network
    risks
    clientWishes
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
  fromProfessional {
    id
    name
  }
  toProfessional {
    id
    name
  }
  rejectionReason
  rejectionNote
  expectedWaitDays
  regiehouder
  independenceFlag
  independenceNote
  senderStaysInvolved
  jointMeeting {
    plannedAt
    participants
    heldAt
    outcome
    outcomeNotes
  }
  timeline(first: 100) {
    nodes {
      id
      occurredAt
      action
      fromStatus
      toStatus
      actor {
        id
        name
      }
      actorOrganization {
        id
        name
      }
      reasonCode
      note
    }
  }
}`, {"hash":"sha256:5ac4f1ad9f26846a68f7da44fb710163deaf35ab2a92957c34d9f6c1d38f88f9"}) as unknown as TypedDocumentString<HandoverQuery, HandoverQueryVariables>;
export const AcceptHandoverDocument = new TypedDocumentString(`
    mutation AcceptHandover($input: AcceptReferralInput!) {
  acceptReferral(input: $input) {
    referral {
      ...ReferralDetail
    }
  }
}
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}
fragment ReferralDetail on Referral {
  ...ReferralListItem
  version
  consentId
  supportFormsRequested
  question
  sameCounsellorContinues
  continuingCounsellor {
    name
    workPhone
    workEmail
    availability
  }
  handoverSummary {
    situation
    question
    whatWasDone
    agreements
    openActions
    network
    risks
    clientWishes
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
  fromProfessional {
    id
    name
  }
  toProfessional {
    id
    name
  }
  rejectionReason
  rejectionNote
  expectedWaitDays
  regiehouder
  independenceFlag
  independenceNote
  senderStaysInvolved
  jointMeeting {
    plannedAt
    participants
    heldAt
    outcome
    outcomeNotes
  }
  timeline(first: 100) {
    nodes {
      id
      occurredAt
      action
      fromStatus
      toStatus
      actor {
        id
        name
      }
      actorOrganization {
        id
        name
      }
      reasonCode
      note
    }
  }
}`, {"hash":"sha256:8809078925ef40e6abd81ca233f78874edf86605141a0f29c18cd318ebdedbd9"}) as unknown as TypedDocumentString<AcceptHandoverMutation, AcceptHandoverMutationVariables>;
export const RejectHandoverDocument = new TypedDocumentString(`
    mutation RejectHandover($input: RejectReferralInput!) {
  rejectReferral(input: $input) {
    referral {
      ...ReferralDetail
    }
  }
}
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}
fragment ReferralDetail on Referral {
  ...ReferralListItem
  version
  consentId
  supportFormsRequested
  question
  sameCounsellorContinues
  continuingCounsellor {
    name
    workPhone
    workEmail
    availability
  }
  handoverSummary {
    situation
    question
    whatWasDone
    agreements
    openActions
    network
    risks
    clientWishes
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
  fromProfessional {
    id
    name
  }
  toProfessional {
    id
    name
  }
  rejectionReason
  rejectionNote
  expectedWaitDays
  regiehouder
  independenceFlag
  independenceNote
  senderStaysInvolved
  jointMeeting {
    plannedAt
    participants
    heldAt
    outcome
    outcomeNotes
  }
  timeline(first: 100) {
    nodes {
      id
      occurredAt
      action
      fromStatus
      toStatus
      actor {
        id
        name
      }
      actorOrganization {
        id
        name
      }
      reasonCode
      note
    }
  }
}`, {"hash":"sha256:d6482f4f272671aec40b47d9a14ae49b1ded4c0916cfdd05053768f0c36ba6dc"}) as unknown as TypedDocumentString<RejectHandoverMutation, RejectHandoverMutationVariables>;
export const StartHandoverDocument = new TypedDocumentString(`
    mutation StartHandover($input: ReferralTransitionInput!) {
  startReferral(input: $input) {
    referral {
      ...ReferralDetail
    }
  }
}
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}
fragment ReferralDetail on Referral {
  ...ReferralListItem
  version
  consentId
  supportFormsRequested
  question
  sameCounsellorContinues
  continuingCounsellor {
    name
    workPhone
    workEmail
    availability
  }
  handoverSummary {
    situation
    question
    whatWasDone
    agreements
    openActions
    network
    risks
    clientWishes
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
  fromProfessional {
    id
    name
  }
  toProfessional {
    id
    name
  }
  rejectionReason
  rejectionNote
  expectedWaitDays
  regiehouder
  independenceFlag
  independenceNote
  senderStaysInvolved
  jointMeeting {
    plannedAt
    participants
    heldAt
    outcome
    outcomeNotes
  }
  timeline(first: 100) {
    nodes {
      id
      occurredAt
      action
      fromStatus
      toStatus
      actor {
        id
        name
      }
      actorOrganization {
        id
        name
      }
      reasonCode
      note
    }
  }
}`, {"hash":"sha256:57b7cc598465d910ee1713411ddb6d5447a3b014edac027113c5a2a70a0aff2a"}) as unknown as TypedDocumentString<StartHandoverMutation, StartHandoverMutationVariables>;
export const CompleteHandoverDocument = new TypedDocumentString(`
    mutation CompleteHandover($input: CompleteReferralInput!) {
  completeReferral(input: $input) {
    referral {
      ...ReferralDetail
    }
  }
}
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}
fragment ReferralDetail on Referral {
  ...ReferralListItem
  version
  consentId
  supportFormsRequested
  question
  sameCounsellorContinues
  continuingCounsellor {
    name
    workPhone
    workEmail
    availability
  }
  handoverSummary {
    situation
    question
    whatWasDone
    agreements
    openActions
    network
    risks
    clientWishes
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
  fromProfessional {
    id
    name
  }
  toProfessional {
    id
    name
  }
  rejectionReason
  rejectionNote
  expectedWaitDays
  regiehouder
  independenceFlag
  independenceNote
  senderStaysInvolved
  jointMeeting {
    plannedAt
    participants
    heldAt
    outcome
    outcomeNotes
  }
  timeline(first: 100) {
    nodes {
      id
      occurredAt
      action
      fromStatus
      toStatus
      actor {
        id
        name
      }
      actorOrganization {
        id
        name
      }
      reasonCode
      note
    }
  }
}`, {"hash":"sha256:c5787126fa92e434326cd7fb3310a0d2bd96ff865bc6f4fdf93bf80450af01cf"}) as unknown as TypedDocumentString<CompleteHandoverMutation, CompleteHandoverMutationVariables>;
export const PlanDriegesprekDocument = new TypedDocumentString(`
    mutation PlanDriegesprek($input: PlanJointMeetingInput!) {
  planJointMeeting(input: $input) {
    referral {
      ...ReferralDetail
    }
  }
}
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}
fragment ReferralDetail on Referral {
  ...ReferralListItem
  version
  consentId
  supportFormsRequested
  question
  sameCounsellorContinues
  continuingCounsellor {
    name
    workPhone
    workEmail
    availability
  }
  handoverSummary {
    situation
    question
    whatWasDone
    agreements
    openActions
    network
    risks
    clientWishes
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
  fromProfessional {
    id
    name
  }
  toProfessional {
    id
    name
  }
  rejectionReason
  rejectionNote
  expectedWaitDays
  regiehouder
  independenceFlag
  independenceNote
  senderStaysInvolved
  jointMeeting {
    plannedAt
    participants
    heldAt
    outcome
    outcomeNotes
  }
  timeline(first: 100) {
    nodes {
      id
      occurredAt
      action
      fromStatus
      toStatus
      actor {
        id
        name
      }
      actorOrganization {
        id
        name
      }
      reasonCode
      note
    }
  }
}`, {"hash":"sha256:148f00b392e98ae0f5623c2239a3714d4cf756624c74a915cda724cb8a3cef52"}) as unknown as TypedDocumentString<PlanDriegesprekMutation, PlanDriegesprekMutationVariables>;
export const RecordDriegesprekDocument = new TypedDocumentString(`
    mutation RecordDriegesprek($input: RecordJointMeetingOutcomeInput!) {
  recordJointMeetingOutcome(input: $input) {
    referral {
      ...ReferralDetail
    }
  }
}
    fragment ReferralListItem on Referral {
  id
  kind
  status
  urgency
  sentAt
  respondBy
  startBy
  overdue
  createdAt
  fromOrganization {
    id
    name
  }
  toOrganization {
    id
    name
  }
}
fragment ReferralDetail on Referral {
  ...ReferralListItem
  version
  consentId
  supportFormsRequested
  question
  sameCounsellorContinues
  continuingCounsellor {
    name
    workPhone
    workEmail
    availability
  }
  handoverSummary {
    situation
    question
    whatWasDone
    agreements
    openActions
    network
    risks
    clientWishes
  }
  client {
    id
    name {
      givenName
      namePrefix
      familyName
    }
  }
  fromProfessional {
    id
    name
  }
  toProfessional {
    id
    name
  }
  rejectionReason
  rejectionNote
  expectedWaitDays
  regiehouder
  independenceFlag
  independenceNote
  senderStaysInvolved
  jointMeeting {
    plannedAt
    participants
    heldAt
    outcome
    outcomeNotes
  }
  timeline(first: 100) {
    nodes {
      id
      occurredAt
      action
      fromStatus
      toStatus
      actor {
        id
        name
      }
      actorOrganization {
        id
        name
      }
      reasonCode
      note
    }
  }
}`, {"hash":"sha256:f99eda1b3c32a98ffb413626bb509f7cfe6fd32b35a8559a283bae99fd5f849c"}) as unknown as TypedDocumentString<RecordDriegesprekMutation, RecordDriegesprekMutationVariables>;
export const HandoverReceiverServicesDocument = new TypedDocumentString(`
    query HandoverReceiverServices($id: ID!) {
  organization(id: $id) {
    id
    services(first: 100) {
      nodes {
        id
        name
      }
    }
  }
}
    `, {"hash":"sha256:35bcef95a852b81fc0a9f35c1c2120d69c74aa3c123f19cd2ce3c6dba1477186"}) as unknown as TypedDocumentString<HandoverReceiverServicesQuery, HandoverReceiverServicesQueryVariables>;
export const HandoverLightLinksDocument = new TypedDocumentString(`
    query HandoverLightLinks($referralId: ID!) {
  lightLinks(referralId: $referralId) {
    id
    action
    status
    createdAt
    expiresAt
  }
}
    `, {"hash":"sha256:916455df2bb82d7cb6586b948459ba9e370e6b0dc25082ce5f6bf54345abb471"}) as unknown as TypedDocumentString<HandoverLightLinksQuery, HandoverLightLinksQueryVariables>;
export const RevokeLightLinkDocument = new TypedDocumentString(`
    mutation RevokeLightLink($input: RevokeLightLinkInput!) {
  revokeLightLink(input: $input) {
    link {
      id
      action
      status
      createdAt
      expiresAt
    }
  }
}
    `, {"hash":"sha256:4f9e4ed50db4f5e4fa040bcdd2b8d47521e25b766fb201c61af73cf460f8c4ec"}) as unknown as TypedDocumentString<RevokeLightLinkMutation, RevokeLightLinkMutationVariables>;
export const WlzWorklistDocument = new TypedDocumentString(`
    query WlzWorklist($status: WlzWorklistStatus, $overdue: Boolean, $first: Int, $after: String) {
  wlzIndicatieWorklist(
    status: $status
    overdue: $overdue
    first: $first
    after: $after
  ) {
    totalCount
    nodes {
      id
      zorgprofiel
      sector
      receivedAt
      contactBy
      contactedAt
      overdue
      status
      client {
        id
        name {
          givenName
          namePrefix
          familyName
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:9138e9ade589005f532aad4f4168ac0c2585cde9e8016c66cff1d4060af5d319"}) as unknown as TypedDocumentString<WlzWorklistQuery, WlzWorklistQueryVariables>;
export const WlzItemDocument = new TypedDocumentString(`
    query WlzItem($id: ID!) {
  wlzIndicatieItem(id: $id) {
    id
    version
    wlzIndicatieId
    besluitnummer
    afgiftedatum
    ingangsdatum
    einddatum
    zorgprofiel
    sector
    leveringsvorm
    receivedAt
    contactBy
    contactedAt
    overdue
    status
    client {
      id
      name {
        givenName
        namePrefix
        familyName
      }
      dateOfBirth
    }
    trajectory {
      id
    }
    choice {
      choice
      offeredAt
      recordedByName
      ocoOrganization {
        id
        name
      }
      consent {
        id
      }
    }
    handover {
      id
      status
      toOrganization {
        id
        name
      }
    }
  }
}
    `, {"hash":"sha256:5eb48372249f4a27a7cf2fe123d09592b16cdfb016cc6c4c98aedfab1ec53d56"}) as unknown as TypedDocumentString<WlzItemQuery, WlzItemQueryVariables>;
export const WlzOcoOrganizationsDocument = new TypedDocumentString(`
    query WlzOcoOrganizations {
  organizations(type: OCO, first: 100) {
    nodes {
      id
      name
    }
  }
}
    `, {"hash":"sha256:19342799ca49040f8cda38e6cc7776c89d69e0b7f8170ad42c23f78cd7618fd6"}) as unknown as TypedDocumentString<WlzOcoOrganizationsQuery, WlzOcoOrganizationsQueryVariables>;
export const WlzRecordContactDocument = new TypedDocumentString(`
    mutation WlzRecordContact($input: RecordIndicatieContactInput!) {
  recordIndicatieContact(input: $input) {
    item {
      id
      version
    }
  }
}
    `, {"hash":"sha256:106e24225577a89822ca428719dbabe6e01fc0b0070546c13f78f18caccd14be"}) as unknown as TypedDocumentString<WlzRecordContactMutation, WlzRecordContactMutationVariables>;
export const WlzRecordChoiceDocument = new TypedDocumentString(`
    mutation WlzRecordChoice($input: RecordIndicatieChoiceInput!) {
  recordIndicatieChoice(input: $input) {
    item {
      id
      version
      choice {
        choice
        consent {
          id
        }
      }
    }
  }
}
    `, {"hash":"sha256:4071eef07384000d9ac35603dcaaf74b00c6ed744ddc2f0c42e254cd1eaf92b1"}) as unknown as TypedDocumentString<WlzRecordChoiceMutation, WlzRecordChoiceMutationVariables>;
export const WlzSendHandoverDocument = new TypedDocumentString(`
    mutation WlzSendHandover($input: CreateReferralInput!) {
  createReferral(input: $input) {
    referral {
      id
      status
    }
  }
}
    `, {"hash":"sha256:936772473fa3146f4e85138c3fe0b51d99c91a56d5a19bd491e8085d1f97f913"}) as unknown as TypedDocumentString<WlzSendHandoverMutation, WlzSendHandoverMutationVariables>;
export const WlzLinkHandoverDocument = new TypedDocumentString(`
    mutation WlzLinkHandover($input: LinkIndicatieHandoverInput!) {
  linkIndicatieHandover(input: $input) {
    item {
      id
      version
    }
  }
}
    `, {"hash":"sha256:e701a3600c90f3627bfd06dcb0a7cb2785823a2928f9c773a5b1eb781837d561"}) as unknown as TypedDocumentString<WlzLinkHandoverMutation, WlzLinkHandoverMutationVariables>;