import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

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
