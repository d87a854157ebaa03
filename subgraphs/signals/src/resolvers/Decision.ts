import type { DecisionResolvers } from '../generated/resolvers-types.ts';

export const Decision: DecisionResolvers = {
  meeting: (d, _, ctx) => (d.meetingId ? ctx.loaders.meeting.load(d.meetingId) : null),
};
