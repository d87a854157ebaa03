import type { Context } from '../context.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { lightLinkMutations } from './light-links.ts';

export const Mutation: MutationResolvers<Context> = {
  ...lightLinkMutations,
};
