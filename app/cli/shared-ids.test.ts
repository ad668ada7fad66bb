import { describe, expect, it } from 'vitest';
import { createSharedIdCount } from './shared-ids';

describe('createSharedIdCount', () => {
  it('counts an id once it is held by a second file, with every event of each file that holds it', () => {
    const count = createSharedIdCount(100);
    for (const [file, id] of [['a.log', 'r1'], ['a.log', 'r1'], ['a.log', 'r2'], ['b.log', 'r1'], ['b.log', 'r3'], ['c.log', 'r3']] as const) count.add(file, id);
    expect(count.toJson()).toEqual({ checked: true, ids: 2, eventsByFile: { 'a.log': 2, 'b.log': 2, 'c.log': 1 } });
  });

  it('does not count an id repeated within one file', () => {
    const count = createSharedIdCount(100);
    count.add('a.log', 'r1');
    count.add('a.log', 'r1');
    count.add('a.log', '');
    count.add('b.log', '');
    expect(count.toJson()).toEqual({ checked: true, ids: 0, eventsByFile: {} });
  });

  it('compares ids cut to the length the page keeps', () => {
    const count = createSharedIdCount(100);
    count.add('a.log', `${'x'.repeat(80)}-first`);
    count.add('b.log', `${'x'.repeat(80)}-second`);
    expect(count.toJson().ids).toBe(1);
  });

  it('gives the same answer when a file is read in parts, one of them counted apart and added', () => {
    const whole = createSharedIdCount(100);
    const first = createSharedIdCount(100);
    const second = createSharedIdCount(100);
    const events = [['a.log', 'r1'], ['a.log', 'r2'], ['b.log', 'r2'], ['b.log', 'r1'], ['b.log', 'r1']] as const;
    events.forEach(([file, id]) => whole.add(file, id));
    events.slice(0, 2).forEach(([file, id]) => first.add(file, id));
    events.slice(2).forEach(([file, id]) => second.add(file, id));
    first.addPart(second.part());
    expect(first.toJson()).toEqual(whole.toJson());
    expect(first.toJson()).toEqual({ checked: true, ids: 2, eventsByFile: { 'a.log': 2, 'b.log': 3 } });
  });

  it('compares nothing past the events with an id it may hold, whether read whole or in parts', () => {
    const count = createSharedIdCount(3);
    for (const file of ['a.log', 'b.log']) for (const id of ['r1', 'r2']) count.add(file, id);
    expect(count.toJson()).toEqual({ checked: false, ids: 0, eventsByFile: {} });
    const part = createSharedIdCount(3);
    for (const id of ['r1', 'r2', 'r3', 'r4']) part.add('b.log', id);
    const main = createSharedIdCount(3);
    main.add('a.log', 'r1');
    main.addPart(part.part());
    expect(main.toJson().checked).toBe(false);
  });
});
