import { describe, expect, it } from 'vitest';
import { describeStreamStatus } from './reconnect';
import { closed, createStreamSim, errorWith, message, openOk, type SimInput } from './reconnect-test-support';

const opens = (sim: ReturnType<typeof createStreamSim>) => sim.log.filter((e) => e.type === 'open');

/** Nothing open, no timer, and neither the network coming back nor an hour opens a second connection. */
function expectStaysClosed(sim: ReturnType<typeof createStreamSim>): void {
  expect(sim.open()).toEqual([]);
  expect(sim.timers()).toEqual([]);
  sim.send({ type: 'online' });
  sim.send({ type: 'visible' });
  sim.advance(3600_000);
  expect(opens(sim)).toHaveLength(1);
}

describe('stepStream: fatal answers stop for good (H4, H5, H7, H8, H21)', () => {
  it.each<[string, SimInput, string]>([
    ['H4 401', errorWith({ status: 401 }), 'not authorised (401)'],
    ['H4 403', errorWith({ status: 403 }), 'forbidden (403)'],
    ['H5 404', errorWith({ status: 404 }), 'not found (404)'],
    ['H5 410', errorWith({ status: 410 }), 'gone (410)'],
    ['H7 204', (m) => ({ type: 'open', connection: m.connection ?? -1, status: 204 }), 'No Content'],
    ['H8 HTML login page', (m) => ({ type: 'open', connection: m.connection ?? -1, status: 200, contentType: 'text/html' }), 'wrong content type text/html'],
    ['H8 as an error event', errorWith({ status: 200, contentType: 'application/json' }), 'wrong content type application/json'],
    ['H21 WebSocket 1008', closed(1008), 'policy'],
    ['H21 WebSocket 4401', closed(4401), '4401'],
  ])('%s → failed, nothing open, no timer, no retry', (_name, failure, reason) => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(failure);
    const status = sim.machine().status;
    expect(status.kind).toBe('failed');
    if (status.kind === 'failed') expect(status.reason).toContain(reason);
    expectStaysClosed(sim);
  });
});

describe('stepStream: a stream the server ended as done is not reconnected', () => {
  it.each<[string, 'ndjson' | 'ws', SimInput, string]>([
    ['an NDJSON response that finished', 'ndjson', closed(), 'ended: the server finished its response'],
    ['a WebSocket closed normally (1000)', 'ws', closed(1000), 'ended: the server closed the stream normally'],
  ])('%s: ended, nothing open, no timer, until the user starts it again', (_name, kind, end, shown) => {
    const sim = createStreamSim({ kind });
    sim.send({ type: 'start' });
    sim.send((m) => ({ type: 'open', connection: m.connection ?? -1, ...(kind === 'ndjson' ? { status: 200, contentType: 'application/x-ndjson' } : {}) }));
    expect(sim.machine().status.kind).toBe('live');
    sim.send(end);
    expect(sim.machine().status.kind).toBe('ended');
    expect(describeStreamStatus(sim.machine(), 0)).toBe(shown);
    expectStaysClosed(sim);
    sim.send({ type: 'start' });
    expect(opens(sim)).toHaveLength(2);
  });
});

describe('stepStream: retried failures (H1, H6, H10, H21)', () => {
  it.each<[string, SimInput, number]>([
    ['H1 cannot connect', errorWith({}), 999],
    ['H6 503', errorWith({ status: 503 }), 999],
    ['H6 429 Retry-After: 2', errorWith({ status: 429, retryAfter: '2' }), 2000],
    ['H6 429 Retry-After: 1 day → 10 min', errorWith({ status: 429, retryAfter: '86400' }), 600_000],
    ['H6 Retry-After as an HTTP-date', errorWith({ status: 503, retryAfter: 'Thu, 01 Jan 1970 00:00:05 GMT' }), 5000],
    ['H10 clean close', closed(), 999],
    ['H21 WebSocket 1006', closed(1006), 999],
    ['H21 WebSocket 1011', closed(1011), 999],
  ])('%s → backoff of %i ms then one reconnect', (_name, failure, delay) => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(failure);
    expect(sim.machine().status).toMatchObject({ kind: 'backoff', delayMs: delay, attempt: 1 });
    expect(sim.open()).toEqual([]);
    sim.advance(delay - 1);
    expect(opens(sim)).toHaveLength(1);
    sim.advance(1);
    expect(opens(sim)).toHaveLength(2);
    expect(sim.machine().status.kind).toBe('connecting');
  });

  it('backoff grows 1, 2, 4, 8, 16 s then stays at 30 s (full jitter ceiling)', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      sim.send(errorWith({ status: 502 }));
      const status = sim.machine().status;
      if (status.kind === 'backoff') delays.push(status.delayMs);
      sim.advance(status.kind === 'backoff' ? status.delayMs : 0);
    }
    expect(delays).toEqual([999, 1998, 3996, 7992, 15_984, 29_970, 29_970]);
  });

  it.each<[number, number]>([
    [10_000, 999],
    [9_999, 7992],
  ])('a connection open %i ms before it drops gives a next delay of %i ms (reset after 10 s healthy)', (openMs, delay) => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    for (let i = 0; i < 3; i++) {
      sim.send(errorWith({}));
      sim.advance(20_000);
    }
    sim.send(openOk);
    sim.advance(openMs);
    sim.send(closed());
    expect(sim.machine().status).toMatchObject({ kind: 'backoff', delayMs: delay });
  });

  it('H10 the reconnect sends Last-Event-ID = the last id received', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(openOk);
    sim.send(message('1'));
    sim.send(message('2'));
    sim.send(message());
    sim.send(closed());
    sim.advance(1000);
    expect(opens(sim).map((e) => e.type === 'open' && e.lastEventId)).toEqual(['', '2']);
  });

  it("the server's retry: floors the jittered delay", () => {
    const sim = createStreamSim({}, () => 0);
    sim.send({ type: 'start' });
    sim.send(openOk);
    sim.send((m) => ({ type: 'retry-hint', connection: m.connection ?? -1, ms: 5000 }));
    sim.send(closed());
    expect(sim.machine().status).toMatchObject({ kind: 'backoff', delayMs: 5000 });
  });

  it('a server that never answers is abandoned after the connect timeout', () => {
    const sim = createStreamSim({ connectTimeoutMs: 5000 });
    sim.send({ type: 'start' });
    sim.advance(5000);
    expect(sim.machine().status.kind).toBe('backoff');
    expect(sim.log).toContainEqual({ type: 'close', connection: 1 });
  });
});

describe('stepStream: silence, wake-up and flapping (H17, H24)', () => {
  it('H17 a stream that sent data is stale after 60 s of silence; visible reconnects at once', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(openOk);
    sim.send(message('5'));
    sim.advance(59_999);
    expect(sim.machine().status.kind).toBe('live');
    sim.advance(1);
    expect(sim.machine().status.kind).toBe('stale');
    sim.send({ type: 'visible' });
    expect(sim.machine().status.kind).toBe('connecting');
    expect(sim.open()).toHaveLength(1);
    expect(opens(sim).at(-1)).toMatchObject({ lastEventId: '5' });
  });

  it('H17 heartbeats keep a stream live; a quiet stream that never spoke is not stale', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(openOk);
    sim.advance(10 * 60_000);
    expect(sim.machine().status.kind).toBe('live');
    sim.send((m) => ({ type: 'heartbeat', connection: m.connection ?? -1 }));
    for (let i = 0; i < 10; i++) {
      sim.advance(15_000);
      sim.send((m) => ({ type: 'heartbeat', connection: m.connection ?? -1 }));
    }
    expect(sim.machine().status.kind).toBe('live');
  });

  it('H17 a stale stream that speaks again is live; one that stays silent is reconnected after the grace', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(openOk);
    sim.send(message());
    sim.advance(60_000);
    sim.send(message());
    expect(sim.machine().status.kind).toBe('live');
    sim.advance(60_000 + 30_000);
    expect(sim.machine().status.kind).toBe('backoff');
    expect(describeStreamStatus(sim.machine(), sim.now())).toBe('reconnecting in 1 s');
  });

  it('heartbeat-timeout from outside marks a live stream stale', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(openOk);
    sim.send((m) => ({ type: 'heartbeat-timeout', connection: m.connection ?? -1 }));
    expect(sim.machine().status.kind).toBe('stale');
  });

  it('online during backoff connects now, with the pending timer cleared', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(errorWith({}));
    sim.send({ type: 'online' });
    expect(sim.machine().status.kind).toBe('connecting');
    expect(sim.open()).toHaveLength(1);
    expect(sim.timers()).toHaveLength(1);
  });

  it.each(['online', 'visible'] as const)('%s during a Retry-After wait does not cut it short', (type) => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(errorWith({ status: 429, retryAfter: '2' }));
    expect(sim.send({ type })).toEqual([]);
    expect(sim.machine().status).toMatchObject({ kind: 'backoff', serverAsked: true });
    sim.advance(1999);
    expect(opens(sim)).toHaveLength(1);
    sim.advance(1);
    expect(opens(sim)).toHaveLength(2);
  });

  it('online and visible while live or connecting do nothing', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    expect(sim.send({ type: 'online' })).toEqual([]);
    sim.send(openOk);
    expect(sim.send({ type: 'visible' })).toEqual([]);
  });

  it('H24 flapping: errors, online, visible and old timers in a burst leave one connection and one timer', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    const old = sim.machine().connection ?? -1;
    for (let i = 0; i < 20; i++) {
      sim.send(errorWith({}));
      sim.send({ type: 'online' });
      sim.send({ type: 'visible' });
      sim.send({ type: 'error', connection: old });
      sim.send({ type: 'timer', timer: 1 });
      expect(sim.open().length).toBeLessThanOrEqual(1);
      expect(sim.timers().length).toBeLessThanOrEqual(1);
    }
  });

  it('events of an older connection are ignored', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(errorWith({}));
    sim.advance(1000);
    expect(sim.send({ type: 'error', connection: 1, status: 401 })).toEqual([]);
    expect(sim.machine().status.kind).toBe('connecting');
  });
});

describe('stepStream: stop and restart (H26)', () => {
  it.each<[string, SimInput[]]>([
    ['while connecting', []],
    ['while live', [openOk, message('1')]],
    ['while in backoff', [errorWith({})]],
    ['while stale', [openOk, message(), (m) => ({ type: 'heartbeat-timeout', connection: m.connection ?? -1 })]],
  ])('stop %s releases the connection and the timer', (_name, before) => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    before.forEach((input) => sim.send(input));
    sim.send({ type: 'stop' });
    expect(sim.open()).toEqual([]);
    expect(sim.timers()).toEqual([]);
    sim.send({ type: 'online' });
    sim.advance(3600_000);
    expect(sim.machine().status.kind).toBe('stopped');
  });

  it('start after a fatal failure connects again, resuming from the last id', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(openOk);
    sim.send(message('9'));
    sim.send(errorWith({ status: 401 }));
    sim.send({ type: 'start' });
    expect(opens(sim).at(-1)).toMatchObject({ lastEventId: '9' });
  });

  it.each<[string, SimInput[], string]>([
    ['idle', [], 'idle'],
    ['connecting', [{ type: 'start' }], 'connecting'],
    ['live', [{ type: 'start' }, openOk], 'live'],
    ['failed', [{ type: 'start' }, errorWith({ status: 404 })], 'failed: not found (404): check the stream URL'],
    ['backoff', [{ type: 'start' }, errorWith({ status: 429, retryAfter: '2' })], 'reconnecting in 2 s'],
  ])('describeStreamStatus when %s', (_name, inputs, text) => {
    const sim = createStreamSim();
    inputs.forEach((input) => sim.send(input));
    expect(describeStreamStatus(sim.machine(), sim.now())).toBe(text);
  });

  it('a countdown read with a clock up to a second old never shows more than the wait', () => {
    const sim = createStreamSim();
    sim.send({ type: 'start' });
    sim.send(errorWith({ status: 429, retryAfter: '20' }));
    expect(describeStreamStatus(sim.machine(), sim.now() - 900)).toBe('reconnecting in 20 s');
    expect(describeStreamStatus(sim.machine(), sim.now() + 19_100)).toBe('reconnecting in 1 s');
    expect(describeStreamStatus(sim.machine(), sim.now() + 25_000)).toBe('reconnecting in 0 s');
  });
});
