import { badInput } from '@hub/errors';
import { requireRole } from '@hub/service-kit';
import { ImportInputError, importHsds, MAX_MUTATION_IMPORT_RECORDS } from '../hsds/importer.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';

/** The importHsds mutation: the HSDS importer, limited to the caller's own organisation. */
export const hsdsImportMutation: MutationResolvers = {
  async importHsds(_, args, ctx) {
    const beheerder = requireRole(ctx, ['BEHEERDER'], 'Only a BEHEERDER of the organisation may import into its directory entries.');
    try {
      return await importHsds(ctx.db, args.input.data, {
        restrictToOrganization: beheerder.organizationId,
        verifiedBy: beheerder.subject,
        maxBytes: ctx.config.hsdsImportMaxBytes,
        maxRecords: MAX_MUTATION_IMPORT_RECORDS,
      });
    } catch (e) {
      if (e instanceof ImportInputError) throw badInput('input.data', e.message);
      throw e;
    }
  },
};
