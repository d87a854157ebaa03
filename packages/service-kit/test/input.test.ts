import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../src/input.ts';

const schema = z.object({
  name: z.string().trim().min(1, 'must not be empty'),
  age: z.number().int().min(0, 'must not be negative'),
  tags: z.array(z.string().max(3, 'at most 3 characters')),
});

function refusal(value: unknown): GraphQLError {
  try {
    parseInput(schema, value, 'input');
  } catch (e) {
    if (e instanceof GraphQLError) return e;
    throw e;
  }
  throw new Error('parseInput accepted invalid input');
}

describe('parseInput', () => {
  it('returns the parsed value when the input is valid', () => {
    expect(parseInput(schema, { name: ' Ans ', age: 3, tags: ['a'] }, 'input')).toEqual({ name: 'Ans', age: 3, tags: ['a'] });
  });

  it('lists every invalid field in one BAD_USER_INPUT, and keeps `field` as the first', () => {
    const error = refusal({ name: ' ', age: -1, tags: ['ok', 'toolong', 'x', 'alsotoolong'] });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      fields: [
        { path: 'input.name', code: 'TOO_SMALL', message: 'Invalid input.name: must not be empty.' },
        { path: 'input.age', code: 'TOO_SMALL', message: 'Invalid input.age: must not be negative.' },
        { path: 'input.tags.1', code: 'TOO_BIG', message: 'Invalid input.tags.1: at most 3 characters.' },
        { path: 'input.tags.3', code: 'TOO_BIG', message: 'Invalid input.tags.3: at most 3 characters.' },
      ],
    });
    expect(error.message).toBe('Invalid input.name: must not be empty. (and 3 more invalid fields)');
  });

  it('names each field once, with its first issue', () => {
    const twice = z.object({ code: z.string().min(4, 'too short').regex(/^GM/, 'must start with GM') });
    let caught: unknown;
    try {
      parseInput(twice, { code: 'x' }, 'filter');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(GraphQLError);
    expect((caught as GraphQLError).extensions.fields).toEqual([{ path: 'filter.code', code: 'TOO_SMALL', message: 'Invalid filter.code: too short.' }]);
  });
});
