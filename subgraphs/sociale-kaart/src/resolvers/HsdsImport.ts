import { badInput, forbidden, unauthenticated } from '@hub/errors';
import { hasRole } from '@hub/identity';
import type { Context } from '../context.ts';
import { ImportInputError, importHsds } from '../hsds/importer.ts';

/** The importHsds mutation: the HSDS importer, limited to the caller's own organisation. */
export const hsdsImportMutation = {
  async importHsds(_: unknown, args: { data: string }, ctx: Context) {
    if (ctx.caller.kind !== 'user') throw unauthenticated();
    if (!hasRole(ctx.caller, 'BEHEERDER')) throw forbidden('Only a BEHEERDER of the organisation may import into its directory entries.');
    try {
      return await importHsds(ctx.db, args.data, {
        restrictToOrganization: ctx.caller.organizationId,
        verifiedBy: ctx.caller.subject,
        maxBytes: ctx.config.hsdsImportMaxBytes,
      });
    } catch (e) {
      if (e instanceof ImportInputError) throw badInput('data', e.message);
      throw e;
    }
  },
};
