import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates travel as YYYY-MM-DD strings; a calendar check happens in the zod validation of each input. */
const toDate = (value: unknown): string => {
  const s = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (!DATE_RE.test(s)) throw new GraphQLError('Date must be YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
  return s;
};

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => toDate(value),
  parseValue: (value) => toDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string.', { extensions: { code: 'BAD_USER_INPUT' } });
    return toDate(ast.value);
  },
});
