import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** ISO 8601 date-times, serialised in UTC. */
const toDate = (value: unknown): Date => {
  const d = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 date-time.', { extensions: { code: 'BAD_USER_INPUT' } });
  return d;
};

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: (value) => toDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string.', { extensions: { code: 'BAD_USER_INPUT' } });
    return toDate(ast.value);
  },
});

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates travel as YYYY-MM-DD strings; a calendar check happens in the zod validation of each input. */
const toDateString = (value: unknown): string => {
  const s = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (!DATE_RE.test(s)) throw new GraphQLError('Date must be YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
  return s;
};

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => toDateString(value),
  parseValue: (value) => toDateString(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string.', { extensions: { code: 'BAD_USER_INPUT' } });
    return toDateString(ast.value);
  },
});
