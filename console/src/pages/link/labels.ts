import type { LightCapacityStatus, LightLinkStatus, LightRejectionReason } from '../../generated/graphql.ts';

/** Why a handover is rejected through a link, in plain words (the same reasons as in the warme overdracht). */
export const LIGHT_REJECTION_REASON_LABELS: Record<LightRejectionReason, string> = {
  NO_CAPACITY: 'Wij hebben nu geen plek',
  NO_FUNDS: 'Er is geen budget voor',
  WAITLIST: 'Wij hebben alleen een plek op de wachtlijst',
  NO_FITTING_OFFER: 'Wij hebben geen hulp die past bij de vraag',
  NOT_ELIGIBLE: 'De cliënt voldoet niet aan onze voorwaarden',
  OUT_OF_AREA: 'De cliënt woont buiten ons gebied',
  MISSING_INFORMATION: 'Wij missen informatie om te beslissen',
  CLIENT_DECLINED: 'De cliënt wil het niet',
  COULD_NOT_CONTACT: 'Wij konden de cliënt niet bereiken',
  OTHER: 'Een andere reden',
};

/** The capacity a link can report. */
export const LIGHT_CAPACITY_LABELS: Record<LightCapacityStatus, string> = {
  HAS_CAPACITY: 'Wij hebben plek: nieuwe cliënten kunnen nu starten',
  WAITLIST: 'Wij hebben een wachtlijst: nieuwe cliënten komen op de wachtlijst',
  NO_CAPACITY: 'Wij zitten vol en hebben geen wachtlijst',
  ADDITIONAL_ASSESSMENT_REQUIRED: 'Nieuwe cliënten kunnen starten na een extra onderzoek',
};

/** Where an answer link stands, for its sender. */
export const LIGHT_LINK_STATUS_LABELS: Record<LightLinkStatus, string> = {
  ACTIVE: 'Nog niet gebruikt',
  USED: 'Gebruikt',
  REVOKED: 'Ingetrokken',
  EXPIRED: 'Verlopen',
};
