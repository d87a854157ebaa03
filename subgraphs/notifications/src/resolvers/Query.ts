import type { Context } from '../context.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { lightLinkQueries } from './light-links.ts';

export const Query: QueryResolvers<Context> = {
  ...lightLinkQueries,
};
