import { createStreamMachine, stepStream } from './reconnect';
import type { StreamConfig, StreamEffect, StreamEvent, StreamMachine } from './reconnect-types';

/** An event, or a function that builds it from the machine (to address the current connection). */
export type SimInput = StreamEvent | ((m: StreamMachine) => StreamEvent);

/**
 * Test support: runs the reducer against a fake runtime that obeys its effects exactly (a set of open
 * connections, a map of pending timers with due times) and a fake clock; `advance` fires due timers.
 */
export function createStreamSim(config: Partial<StreamConfig> = {}, random: () => number = () => 0.999) {
  let machine = createStreamMachine({ kind: 'sse', ...config });
  let now = 0;
  const open = new Set<number>();
  const timers = new Map<number, number>();
  const log: StreamEffect[] = [];

  const apply = (effect: StreamEffect): void => {
    log.push(effect);
    if (effect.type === 'open') open.add(effect.connection);
    if (effect.type === 'close') open.delete(effect.connection);
    if (effect.type === 'set-timer') timers.set(effect.timer, now + effect.delayMs);
    if (effect.type === 'clear-timer') timers.delete(effect.timer);
  };
  const send = (input: SimInput): readonly StreamEffect[] => {
    const event = typeof input === 'function' ? input(machine) : input;
    // A delivered timer event means that timer fired: the runtime no longer holds it.
    if (event.type === 'timer') timers.delete(event.timer);
    const step = stepStream(machine, event, { now, random });
    machine = step.machine;
    step.effects.forEach(apply);
    return step.effects;
  };
  const advance = (ms: number): void => {
    const end = now + ms;
    for (;;) {
      const due = [...timers].filter(([, at]) => at <= end).sort((a, b) => a[1] - b[1])[0];
      if (due === undefined) break;
      now = Math.max(now, due[1]);
      send({ type: 'timer', timer: due[0] });
    }
    now = end;
  };
  return {
    send,
    advance,
    machine: () => machine,
    now: () => now,
    open: () => [...open],
    timers: () => [...timers.keys()],
    log,
  };
}

export const current = (m: StreamMachine): number => m.connection ?? -1;
export const openOk = (m: StreamMachine): StreamEvent => ({ type: 'open', connection: current(m), status: 200, contentType: 'text/event-stream' });
export const message = (lastEventId?: string) => (m: StreamMachine): StreamEvent =>
  lastEventId === undefined ? { type: 'message', connection: current(m) } : { type: 'message', connection: current(m), lastEventId };
export const errorWith = (fields: Omit<Extract<StreamEvent, { type: 'error' }>, 'type' | 'connection'> = {}) => (m: StreamMachine): StreamEvent => ({
  type: 'error',
  connection: current(m),
  ...fields,
});
export const closed = (code?: number) => (m: StreamMachine): StreamEvent =>
  code === undefined ? { type: 'close', connection: current(m) } : { type: 'close', connection: current(m), code };
