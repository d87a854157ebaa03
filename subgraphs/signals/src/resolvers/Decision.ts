import type { Context } from '../context.ts';
import type { DecisionRow } from '../db/queries.ts';

export const Decision = {
  meeting: (d: DecisionRow, _: unknown, ctx: Context) => (d.meetingId ? ctx.loaders.meeting.load(d.meetingId) : null),
};
