import { describe, expect, it } from 'vitest';
import { batchedLogDestination } from '../../src/log-destination.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the gateway log destination', () => {
  it('writes the lines of one turn of the event loop in one write, in their order, right after the turn', async () => {
    const writes: string[] = [];
    const destination = batchedLogDestination({ write: (text) => writes.push(text) });
    destination.write('{"a":1}\n');
    destination.write('{"b":2}\n');
    destination.write('{"c":3}\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['{"a":1}\n{"b":2}\n{"c":3}\n']);
    destination.write('{"d":4}\n');
    await nextTurn();
    expect(writes).toEqual(['{"a":1}\n{"b":2}\n{"c":3}\n', '{"d":4}\n']);
  });

  it('writes what is buffered at once when flushed (as it is when the process exits)', () => {
    const writes: string[] = [];
    const destination = batchedLogDestination({ write: (text) => writes.push(text) });
    destination.write('{"fatal":true}\n');
    destination.flush();
    expect(writes).toEqual(['{"fatal":true}\n']);
    destination.flush();
    expect(writes).toHaveLength(1);
  });
});
