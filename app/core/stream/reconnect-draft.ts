import type { StepContext, StreamEffect, StreamMachine, TimerPurpose } from './reconnect-types';
import { BACKOFF, fullJitterDelay } from './backoff';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A working copy of the machine plus the effects collected while one event is handled. */
export interface Draft {
  readonly m: Mutable<StreamMachine>;
  readonly effects: StreamEffect[];
  readonly ctx: StepContext;
}

export function createDraft(machine: StreamMachine, ctx: StepContext): Draft {
  return { m: { ...machine }, effects: [], ctx };
}

export function closeConnection(d: Draft): void {
  if (d.m.connection === null) return;
  d.effects.push({ type: 'close', connection: d.m.connection });
  d.m.connection = null;
  d.m.openedAt = null;
  d.m.lastHeardAt = null;
}

export function clearTimer(d: Draft): void {
  if (d.m.timer === null) return;
  d.effects.push({ type: 'clear-timer', timer: d.m.timer.id });
  d.m.timer = null;
}

/** Replaces the pending timer (there is never more than one). */
export function armTimer(d: Draft, purpose: TimerPurpose, delayMs: number): void {
  clearTimer(d);
  d.m.generation += 1;
  d.m.timer = { id: d.m.generation, purpose };
  d.effects.push({ type: 'set-timer', timer: d.m.generation, delayMs: Math.max(0, Math.round(delayMs)) });
}

/** Closes whatever is open and opens one new connection, resuming from the last id. */
export function openNow(d: Draft): void {
  closeConnection(d);
  d.m.generation += 1;
  d.m.connection = d.m.generation;
  d.m.opened += 1;
  d.effects.push({ type: 'open', connection: d.m.generation, lastEventId: d.m.lastEventId });
  d.m.status = { kind: 'connecting' };
  armTimer(d, 'connect-timeout', d.m.config.connectTimeoutMs);
}

export function fail(d: Draft, reason: string): void {
  closeConnection(d);
  clearTimer(d);
  d.m.status = { kind: 'failed', reason };
}

export function end(d: Draft, reason: string): void {
  closeConnection(d);
  clearTimer(d);
  d.m.status = { kind: 'ended', reason };
}

/**
 * Closes the connection and waits before the next one: Retry-After when given (capped), else full jitter
 * floored by the server's `retry:`. A connection that stayed open `healthyMs` resets the attempt count.
 */
export function scheduleRetry(d: Draft, reason: string, retryAfterMs: number | null): void {
  const { now, random } = d.ctx;
  if (d.m.openedAt !== null && now - d.m.openedAt >= d.m.config.healthyMs) d.m.attempt = 0;
  closeConnection(d);
  const jitter = Math.max(fullJitterDelay(d.m.attempt, random), d.m.serverRetryMs ?? 0);
  const delayMs = retryAfterMs === null ? jitter : Math.min(BACKOFF.retryAfterCapMs, retryAfterMs);
  d.m.attempt += 1;
  d.m.lastError = reason;
  armTimer(d, 'reconnect', delayMs);
  d.m.status = { kind: 'backoff', delayMs, attempt: d.m.attempt, until: now + delayMs, serverAsked: retryAfterMs !== null };
}

export function finishDraft(d: Draft): { machine: StreamMachine; effects: readonly StreamEffect[] } {
  return { machine: d.m, effects: d.effects };
}
