import type { ErrorCode } from '@hub/errors';

/**
 * Every error code of the hub's registry (packages/errors), in plain Dutch (B1): what happened and what to do next.
 * The type makes a new code in the registry a compile error here until it has a text; test/unit/errors.test.ts checks
 * the same at run time. Messages of the API are English and meant for developers: the console never shows them.
 */

export interface ErrorText {
  /** One short sentence: what happened. */
  title: string;
  /** What the user can do now. */
  action: string;
}

export const ERROR_TEXTS: Record<ErrorCode, ErrorText> = {
  UNAUTHENTICATED: {
    title: 'U bent niet (meer) ingelogd.',
    action: 'Log opnieuw in. Daarna kunt u verder waar u was.',
  },
  FORBIDDEN: {
    title: 'U mag dit niet doen of zien met uw rol of organisatie.',
    action: 'Denkt u dat u dit wel mag? Vraag dan de beheerder van uw organisatie om de juiste rol.',
  },
  CONSENT_REQUIRED: {
    title: 'Voor deze gegevens is geen geldige toestemming van de cliënt.',
    action: 'Vraag de cliënt om toestemming. De organisatie die de gegevens heeft, legt die toestemming vast in de hub. Daarna kunt u de gegevens zien.',
  },
  BAD_USER_INPUT: {
    title: 'Niet alles is goed ingevuld.',
    action: 'Verbeter de velden die zijn gemarkeerd en probeer het opnieuw. Er is nog niets opgeslagen.',
  },
  NOT_FOUND: {
    title: 'Wat u zoekt, is niet gevonden.',
    action: 'Het is misschien verwijderd, of u mag het niet zien. Ga terug en zoek opnieuw.',
  },
  CONFLICT: {
    title: 'Iemand anders heeft dit net gewijzigd.',
    action: 'Laad de gegevens opnieuw, bekijk de wijziging en voer uw wijziging daarna nog een keer in.',
  },
  INVALID_TRANSITION: {
    title: 'Deze stap kan nu niet.',
    action: 'De status is intussen veranderd. Laad de pagina opnieuw en kijk welke stap nu mogelijk is.',
  },
  RATE_LIMITED: {
    title: 'Er komen te veel verzoeken tegelijk binnen.',
    action: 'Wacht even en probeer het dan opnieuw.',
  },
  OPERATION_TOO_COMPLEX: {
    title: 'Deze vraag is te groot voor de hub.',
    action: 'Maak de zoekvraag kleiner, bijvoorbeeld met minder resultaten per pagina. Blijft het misgaan? Meld het bij de helpdesk.',
  },
  SUBGRAPH_UNAVAILABLE: {
    title: 'Een deel van de hub antwoordt nu niet. U ziet daarom niet alle gegevens.',
    action: 'Probeer het over een paar minuten opnieuw.',
  },
  INTERNAL_SERVER_ERROR: {
    title: 'Er ging iets mis in de hub.',
    action: 'Probeer het opnieuw. Blijft het misgaan? Meld het bij de helpdesk en noem de foutcode hieronder.',
  },
  BAD_REQUEST: {
    title: 'De hub kon dit verzoek niet verwerken.',
    action: 'Laad de pagina opnieuw en probeer het nog een keer. Blijft het misgaan? Meld het bij de helpdesk.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    title: 'Deze versie van de console past niet bij de hub.',
    action: 'Laad de pagina opnieuw om de nieuwste versie te krijgen. Blijft het misgaan? Meld het bij de helpdesk.',
  },
  OPERATION_NOT_TRUSTED: {
    title: 'De hub voert deze vraag niet uit.',
    action: 'Laad de pagina opnieuw om de nieuwste versie te krijgen. Blijft het misgaan? Meld het bij de helpdesk.',
  },
};

/** Codes from the GraphQL framework itself (a console operation that no longer fits the schema) and the network. */
const OTHER_TEXTS: Record<string, ErrorText> = {
  GRAPHQL_VALIDATION_FAILED: {
    title: 'Deze versie van de console past niet bij de hub.',
    action: 'Laad de pagina opnieuw. Blijft het misgaan? Meld het bij de helpdesk.',
  },
  GRAPHQL_PARSE_FAILED: {
    title: 'Deze versie van de console past niet bij de hub.',
    action: 'Laad de pagina opnieuw. Blijft het misgaan? Meld het bij de helpdesk.',
  },
  NETWORK: {
    title: 'De hub is niet bereikbaar.',
    action: 'Controleer uw internetverbinding en probeer het opnieuw.',
  },
};

const UNKNOWN: ErrorText = {
  title: 'Er ging iets mis.',
  action: 'Probeer het opnieuw. Blijft het misgaan? Meld het bij de helpdesk.',
};

/** Dutch names of the consent data categories (ConsentCategory in the cases subgraph). */
export const CONSENT_CATEGORY_LABELS: Record<string, string> = {
  IDENTITY: 'identiteit (BSN, naam, geboortedatum, woongemeente)',
  CONTACT: 'contactgegevens',
  QUESTION: 'hulpvraag',
  PLAN: 'persoonlijk plan en doelen',
  NETWORK: 'netwerk (mantelzorgers en wettelijk vertegenwoordiger)',
  CONTACT_MOMENTS: 'contactmomenten',
  HANDOVER: 'gegevens voor de overdracht',
};

/** Dutch names of the consent purposes (ConsentPurpose in the cases subgraph). */
export const CONSENT_PURPOSE_LABELS: Record<string, string> = {
  WARM_HANDOVER: 'warme overdracht',
  INTEGRATED_SUPPORT: 'samen ondersteunen (Wmo en Wlz)',
  CARE_MEDIATION: 'zorgbemiddeling',
  PRIVACY_REQUEST: 'privacyverzoek van de cliënt',
};

/** Why a consent does not count (the decision reasons of the consent check). */
export const CONSENT_REASON_LABELS: Record<string, string> = {
  NO_CONSENT: 'Er is geen toestemming vastgelegd.',
  EXPIRED: 'De toestemming is verlopen.',
  REVOKED: 'De cliënt heeft de toestemming ingetrokken.',
  OTHER_PURPOSE: 'Er is wel toestemming, maar voor een ander doel.',
  UNKNOWN_CLIENT: 'De cliënt is niet bekend.',
  ROLE: 'Uw rol geeft geen toegang tot deze gegevens.',
};

/** One error of an answer, as the client hands it over: the code and the non-personal details in `extensions`. */
export interface HubError {
  code: string;
  extensions: Record<string, unknown>;
}

export interface DutchError extends ErrorText {
  code: string;
  /** Extra sentences for this occurrence (which consent is missing, when to retry, which fields). */
  details: string[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** The Dutch text for one error, with the details its extensions give. */
export function describeError(error: HubError): DutchError {
  const base = (ERROR_TEXTS as Record<string, ErrorText>)[error.code] ?? OTHER_TEXTS[error.code] ?? UNKNOWN;
  const details: string[] = [];
  const ext = error.extensions;
  if (error.code === 'CONSENT_REQUIRED') {
    const category = text(ext.category);
    const purpose = text(ext.purpose);
    if (category) details.push(`Ontbrekende toestemming voor: ${CONSENT_CATEGORY_LABELS[category] ?? category}.`);
    if (purpose) details.push(`Doel: ${CONSENT_PURPOSE_LABELS[purpose] ?? purpose}.`);
    const reason = text(ext.reason);
    if (reason) details.push(CONSENT_REASON_LABELS[reason] ?? `Reden: ${reason}.`);
    if (category && purpose) {
      details.push(
        `Zo legt u het vast: de organisatie die de gegevens heeft, kiest bij de cliënt "Toestemming vastleggen", vinkt "${CONSENT_CATEGORY_LABELS[category] ?? category}" aan en kiest als doel "${CONSENT_PURPOSE_LABELS[purpose] ?? purpose}".`,
      );
    }
  }
  if (error.code === 'RATE_LIMITED' && typeof ext.retryAfterSeconds === 'number') {
    details.push(`Probeer het over ${Math.ceil(ext.retryAfterSeconds)} seconden opnieuw.`);
  }
  if (error.code === 'SUBGRAPH_UNAVAILABLE' && text(ext.subgraph)) {
    details.push(`Het gaat om het onderdeel "${SUBGRAPH_LABELS[String(ext.subgraph)] ?? String(ext.subgraph)}".`);
  }
  if (error.code === 'BAD_USER_INPUT' && Array.isArray(ext.fields)) {
    details.push(`Aantal velden om te verbeteren: ${ext.fields.length}.`);
  }
  if (error.code === 'INTERNAL_SERVER_ERROR' && text(ext.requestId)) details.push(`Foutcode: ${String(ext.requestId)}.`);
  return { code: error.code, title: base.title, action: base.action, details };
}

const SUBGRAPH_LABELS: Record<string, string> = {
  'sociale-kaart': 'sociale kaart',
  cases: 'cliënten en toestemmingen',
  referrals: 'warme overdracht',
  signals: 'signalen en overlegtafel',
};

/**
 * Dutch texts for the field codes of BAD_USER_INPUT (`extensions.fields[].code`) that a form shows next to its field,
 * by the field's path. Only codes a form can help with are here; the others keep the general text.
 */
export const FIELD_ERROR_TEXTS: Record<string, string> = {
  UNKNOWN_POSTCODE: 'Deze postcode kennen we niet. Kijk of de 4 cijfers goed zijn.',
};

/** The Dutch text for the error on one input field (e.g. `filter.near.postcode`), or undefined when there is none. */
export function fieldErrorText(errors: readonly HubError[], path: string): string | undefined {
  for (const error of errors) {
    if (error.code !== 'BAD_USER_INPUT' || !Array.isArray(error.extensions.fields)) continue;
    for (const field of error.extensions.fields as unknown[]) {
      if (!field || typeof field !== 'object') continue;
      const { path: fieldPath, code } = field as { path?: unknown; code?: unknown };
      if (fieldPath === path && typeof code === 'string' && FIELD_ERROR_TEXTS[code]) return FIELD_ERROR_TEXTS[code];
    }
  }
  return undefined;
}
