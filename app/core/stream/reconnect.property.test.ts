import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStreamMachine, stepStream } from './reconnect';
import { createStreamSim } from './reconnect-test-support';
import type { StreamEvent, StreamMachine } from './reconnect-types';

/** A generated action: an event aimed at the current connection/timer, an older one, or the clock moving. */
type Action =
  | { readonly kind: 'event'; readonly make: string; readonly target: 'current' | 'old' | number; readonly status: number | null }
  | { readonly kind: 'advance'; readonly ms: number };

const EVENT_KINDS = ['open', 'message', 'heartbeat', 'error', 'close', 'heartbeat-timeout', 'timer', 'online', 'visible', 'start', 'stop', 'retry-hint'];
const STATUSES = [null, 200, 204, 401, 403, 404, 429, 500, 503];

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('event' as const),
    make: fc.constantFrom(...EVENT_KINDS),
    target: fc.oneof(fc.constantFrom('current' as const, 'old' as const), fc.nat(30)),
    status: fc.constantFrom(...STATUSES),
  }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 90_000 }) }),
);

function toEvent(action: Extract<Action, { kind: 'event' }>, m: StreamMachine): StreamEvent {
  const pick = (id: number | null | undefined): number =>
    action.target === 'current' ? (id ?? -1) : action.target === 'old' ? Math.max(0, (id ?? 1) - 1) : action.target;
  const connection = pick(m.connection);
  const status = action.status;
  switch (action.make) {
    case 'open':
      return status === null ? { type: 'open', connection } : { type: 'open', connection, status, contentType: 'text/event-stream' };
    case 'message':
      return { type: 'message', connection, lastEventId: String(connection) };
    case 'error':
      return { type: 'error', connection, status, retryAfter: status === 429 ? '3' : null };
    case 'close':
      return status === null ? { type: 'close', connection } : { type: 'close', connection, code: status === 401 ? 4401 : 1006 };
    case 'timer':
      return { type: 'timer', timer: pick(m.timer?.id) };
    case 'retry-hint':
      return { type: 'retry-hint', connection, ms: 2000 };
    case 'heartbeat':
    case 'heartbeat-timeout':
      return { type: action.make, connection };
    default:
      return { type: action.make as 'start' | 'stop' | 'online' | 'visible' };
  }
}

describe('stepStream properties (R12, H24, H26)', () => {
  it('in any sequence: at most one connection and one timer, and the runtime agrees with the machine', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 80 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (actions, r) => {
        const sim = createStreamSim({}, () => r);
        sim.send({ type: 'start' });
        for (const action of actions) {
          if (action.kind === 'advance') sim.advance(action.ms);
          else sim.send((m) => toEvent(action, m));
          const m = sim.machine();
          expect(sim.open()).toEqual(m.connection === null ? [] : [m.connection]);
          expect(sim.timers()).toEqual(m.timer === null ? [] : [m.timer.id]);
          if (action.kind === 'event' && action.make === 'stop') expect([sim.open(), sim.timers()]).toEqual([[], []]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('no retry after a fatal status: nothing opens again until an explicit start', () => {
    fc.assert(
      fc.property(fc.constantFrom(204, 401, 403, 404, 410), fc.array(actionArb, { maxLength: 60 }), (status, actions) => {
        const sim = createStreamSim();
        sim.send({ type: 'start' });
        sim.send((m) => ({ type: 'error', connection: m.connection ?? -1, status }));
        const before = sim.log.length;
        for (const action of actions) {
          if (action.kind === 'event' && action.make === 'start') break;
          if (action.kind === 'advance') sim.advance(action.ms);
          else sim.send((m) => toEvent(action, m));
        }
        expect(sim.log.slice(before).filter((e) => e.type === 'open' || e.type === 'set-timer')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('with fc.scheduler: connection outcomes, timers, online/visible and stop resolved in any order keep one of each', async () => {
    const outcomeArb = fc.constantFrom('open', 'error', 'close', 'message', 'fatal', 'silent');
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(outcomeArb, { maxLength: 12 }), fc.array(fc.constantFrom('online', 'visible', 'stop'), { maxLength: 4 }), async (s, outcomes, external) => {
        let machine = createStreamMachine({ kind: 'sse' });
        let now = 0;
        let budget = 200;
        const open = new Set<number>();
        const timers = new Set<number>();
        const queue = [...outcomes];
        const dispatch = (event: StreamEvent): void => {
          if (budget-- <= 0) return;
          now += 997;
          const step = stepStream(machine, event, { now, random: () => 0.5 });
          machine = step.machine;
          for (const e of step.effects) {
            if (e.type === 'open') {
              open.add(e.connection);
              const outcome = queue.shift();
              if (outcome !== undefined && outcome !== 'silent') void s.schedule(Promise.resolve(outcome), `conn ${e.connection}`).then((o) => dispatch(outcomeEvent(o, e.connection)));
            }
            if (e.type === 'close') open.delete(e.connection);
            if (e.type === 'set-timer') {
              timers.add(e.timer);
              void s.schedule(Promise.resolve(e.timer), `timer ${e.timer}`).then((t) => {
                timers.delete(t);
                dispatch({ type: 'timer', timer: t });
              });
            }
            if (e.type === 'clear-timer') timers.delete(e.timer);
          }
          expect(open.size).toBeLessThanOrEqual(1);
          expect(timers.size).toBeLessThanOrEqual(1);
          if (event.type === 'stop') expect(open.size + timers.size).toBe(0);
        };
        for (const name of external) void s.schedule(Promise.resolve(name), name).then((n) => dispatch({ type: n as 'online' | 'visible' | 'stop' }));
        dispatch({ type: 'start' });
        await s.waitAll();
        if (machine.status.kind === 'stopped' || machine.status.kind === 'failed') expect(open.size + timers.size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

function outcomeEvent(outcome: string, connection: number): StreamEvent {
  if (outcome === 'open') return { type: 'open', connection, status: 200, contentType: 'text/event-stream' };
  if (outcome === 'message') return { type: 'message', connection, lastEventId: String(connection) };
  if (outcome === 'close') return { type: 'close', connection };
  if (outcome === 'fatal') return { type: 'error', connection, status: 401 };
  return { type: 'error', connection, status: 503 };
}
