import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const toDate = (value: unknown): string => {
  const s = String(value);
  if (!DATE_RE.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) {
    throw new GraphQLError('Date must be YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return s;
};

/** Whole days as the database stores them (date columns read as YYYY-MM-DD strings). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: toDate,
  parseValue: toDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string.', { extensions: { code: 'BAD_USER_INPUT' } });
    return toDate(ast.value);
  },
});
