import { z } from 'zod';
import { isUuid, LIFE_DOMAINS, SUPPORT_FORMS, TARGET_GROUPS } from '@hub/domain';
import { LIGHT_HANDOVER_KIND, REFERRAL_KINDS, REJECTION_REASONS } from './transitions.ts';
import { checkWebhookUrl, type WebhookRefusal, type WebhookRules } from './webhook-target.ts';

export { parseInput, requireUuid } from '@hub/service-kit';

const uuid = z
  .string()
  .refine(isUuid, 'must be a UUID')
  .transform((s) => s.toLowerCase());
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min ? 'must not be empty' : undefined)
    .max(max, `at most ${max} characters`);
const note = text(0, 2000).nullish();

const professional = z.object({ id: text(1, 200), name: text(0, 200).nullish() }).nullish();

/** The parts a light handover (INFORMAL_TO_FORMAL) may leave out; every other kind needs them all. */
export const OPTIONAL_IN_LIGHT_HANDOVER = ['whatWasDone', 'agreements', 'openActions', 'network', 'risks'] as const;
const part = text(0, 4000)
  .nullish()
  .transform((v) => v ?? '');

/** Every part may arrive; which are required depends on the kind (createReferralSchema). An absent part is stored as ''. */
export const handoverSummarySchema = z.object({
  situation: text(1, 4000),
  question: text(1, 4000),
  whatWasDone: part,
  agreements: part,
  openActions: part,
  network: part,
  risks: part,
  clientWishes: text(1, 4000),
});

export const createReferralSchema = z
  .object({
    idempotencyKey: text(1, 200),
    kind: z.enum(REFERRAL_KINDS),
    clientId: uuid,
    sourceTrajectoryId: uuid,
    toOrganizationId: uuid,
    toProfessional: professional,
    serviceId: uuid.nullish(),
    urgency: z.enum(['ROUTINE', 'URGENT', 'ASAP']),
    supportFormsRequested: z
      .array(z.enum(SUPPORT_FORMS))
      .max(7)
      .transform((a) => [...new Set(a)]),
    targetGroup: z.enum(TARGET_GROUPS).nullish(),
    lifeDomain: z.enum(LIFE_DOMAINS).nullish(),
    consentId: uuid.nullish(),
    question: text(1, 2000),
    handoverSummary: handoverSummarySchema,
    independenceNote: text(10, 2000).nullish(),
    sameCounsellorContinues: z.boolean().default(false),
    send: z.boolean(),
  })
  .refine((i) => i.kind !== 'TO_SERVICE' || Boolean(i.serviceId), { message: 'serviceId is required for TO_SERVICE', path: ['serviceId'] })
  .superRefine((i, ctx) => {
    if (i.kind === LIGHT_HANDOVER_KIND) return;
    for (const key of OPTIONAL_IN_LIGHT_HANDOVER) {
      if (!i.handoverSummary[key]) ctx.addIssue({ code: 'custom', path: ['handoverSummary', key], message: 'must not be empty' });
    }
  });
export type CreateReferralInput = z.infer<typeof createReferralSchema>;

const base = { id: uuid, expectedVersion: z.number().int().min(1, 'must be a positive integer'), note };

export const transitionSchema = z.object(base);
export const acceptSchema = z.object({ ...base, professional });
export const rejectSchema = z.object({
  ...base,
  reason: z.enum(REJECTION_REASONS),
  expectedWaitDays: z.number().int().min(0).max(3650).nullish(),
});
export const completeSchema = z.object({ ...base, regiehouder: z.enum(['SENDER', 'RECEIVER']).nullish() });
export const planMeetingSchema = z.object({
  id: uuid,
  expectedVersion: base.expectedVersion,
  plannedAt: z.date(),
  participants: z
    .array(z.enum(['CLIENT', 'NETWORK_MEMBER', 'SENDER', 'RECEIVER']))
    .min(1, 'name at least one participant')
    .transform((a) => [...new Set(a)]),
});
export const meetingOutcomeSchema = z.object({
  id: uuid,
  expectedVersion: base.expectedVersion,
  heldAt: z.date().nullish(),
  outcome: z.enum(['HANDOVER_AGREED', 'FOLLOW_UP_NEEDED', 'CLIENT_DECLINED', 'NOT_HELD']),
  outcomeNotes: text(0, 4000).nullish(),
});
export const regiehouderSchema = z.object({ id: uuid, expectedVersion: base.expectedVersion, regiehouder: z.enum(['SENDER', 'RECEIVER']) });

/** What a refused webhook URL is told; internal and unresolvable hosts get one message, so it is no DNS oracle. */
export const WEBHOOK_URL_MESSAGES: Record<WebhookRefusal | 'unresolvable host', string> = {
  'invalid URL': 'must be an http(s) URL',
  'not https': 'must be an https URL',
  'credentials in URL': 'must not contain a user name or password',
  'internal address': 'must be a host that resolves to public addresses only',
  'unresolvable host': 'must be a host that resolves to public addresses only',
};

/**
 * The shape of a webhook registration and the URL checks that need no DNS (scheme, credentials, literal addresses,
 * localhost names); the resolver then checks the host's addresses with `checkWebhookTarget`.
 */
export function webhookInputSchema(rules: WebhookRules) {
  return z.object({
    url: z
      .string()
      .trim()
      .max(2000)
      .superRefine((u, ctx) => {
        const checked = checkWebhookUrl(u, rules);
        if (checked.ok) return;
        const wrongScheme = checked.reason === 'not https' || checked.reason === 'invalid URL';
        const message = wrongScheme ? (rules.allowHttp ? 'must be an http(s) URL' : 'must be an https URL') : WEBHOOK_URL_MESSAGES[checked.reason];
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      })
      .refine((u) => !/[?&](token|secret|key|password)=/i.test(u), 'must not carry credentials in the query string'),
    secret: z.string().min(32, 'at least 32 characters').max(200).nullish(),
    description: text(0, 500).nullish(),
  });
}

/** The cap of `first` of the polling feed (referralEvents): larger than a list's page, since pollers catch up in bulk. */
export const MAX_EVENTS_PAGE = 500;
