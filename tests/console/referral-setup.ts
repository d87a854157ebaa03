import { randomUUID } from 'node:crypto';
import { devSignInToken, graphqlData } from './browser.ts';

/**
 * A handover sent through the API, for the notification and link journeys: the sender registers a client, opens a
 * trajectory, records the client's consent for the receiver, and sends the referral. The browser tests then look at
 * what the receiver (or the receiver's mailbox) gets.
 */
export interface SentReferral {
  referralId: string;
  clientFamilyName: string;
}

export async function sendReferralByApi(
  origin: string,
  args: { senderSubject: string; senderName: string; toOrganizationId: string; kind: 'TO_OCO' | 'OTHER'; clientFamilyName: string },
): Promise<SentReferral> {
  const token = await devSignInToken(origin, args.senderSubject);
  const graphql = <T>(query: string, variables: Record<string, unknown>) => graphqlData<T>(origin, query, variables, token);
  const client = await graphql<{ registerClient: { client: { id: string } } }>(
    'mutation R($input: RegisterClientInput!) { registerClient(input: $input) { client { id } } }',
    { input: { name: { givenName: 'Wim', familyName: args.clientFamilyName }, dateOfBirth: '1950-05-06', gemeenteCode: 'GM0363' } },
  );
  const clientId = client.registerClient.client.id;
  const trajectory = await graphql<{ openTrajectory: { trajectory: { id: string } } }>(
    'mutation T($input: OpenTrajectoryInput!) { openTrajectory(input: $input) { trajectory { id } } }',
    {
      input: {
        clientId,
        legalDomain: 'WMO_MAATWERKVOORZIENING',
        journeyPhase: 'BEFORE_INDICATION',
        hulpvraag: 'Hulp thuis.',
        counsellor: { userId: args.senderSubject, name: args.senderName, formality: 'FORMAL' },
      },
    },
  );
  await graphql('mutation C($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }', {
    input: {
      clientId,
      receivingOrganizationId: args.toOrganizationId,
      categories: ['IDENTITY', 'QUESTION', 'HANDOVER'],
      purpose: 'WARM_HANDOVER',
      givenBy: 'CLIENT',
      recordedHow: 'VERBAL',
    },
  });
  const referral = await graphql<{ createReferral: { referral: { id: string; status: string } } }>(
    'mutation H($input: CreateReferralInput!) { createReferral(input: $input) { referral { id status } } }',
    {
      input: {
        idempotencyKey: randomUUID(),
        kind: args.kind,
        clientId,
        sourceTrajectoryId: trajectory.openTrajectory.trajectory.id,
        toOrganizationId: args.toOrganizationId,
        question: 'Kunt u de ondersteuning thuis overnemen?',
        handoverSummary: {
          situation: 'Woont alleen.',
          question: 'Ondersteuning thuis.',
          whatWasDone: 'Gesprek gevoerd.',
          agreements: 'Wekelijks contact.',
          openActions: 'Plan maken.',
          network: 'Een buurvrouw.',
          risks: 'Geen bijzondere.',
          clientWishes: 'Thuis blijven wonen.',
        },
      },
    },
  );
  return { referralId: referral.createReferral.referral.id, clientFamilyName: args.clientFamilyName };
}
