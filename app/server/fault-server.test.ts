import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer, type LoggedRequest } from '../../e2e/fixtures/stream-server/fault-server';
import { createIdWindow } from '../core/stream/id-window';
import { createNdjsonFramer, type NdjsonLine } from '../core/stream/ndjson-framer';
import { judgeResponse } from '../core/stream/response-verdict';
import { judgeWsClose } from '../core/stream/ws-close-policy';
import { runSse, type SseCall } from '../core/stream/sse-test-support';
import { connectSse } from './sse-client.test-support';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ port: 0 });
});
afterAll(() => server.close());
beforeEach(async () => {
  await fetch(`${server.url}/__log`, { method: 'DELETE' });
});

/** Reads a whole SSE response (as decoded chunks, in arrival order) through our parser. */
async function readSse(path: string, headers: Record<string, string> = {}): Promise<{ status: number; calls: SseCall[] }> {
  const res = await fetch(`${server.url}${path}`, { headers });
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  try {
    for await (const bytes of res.body ?? []) chunks.push(decoder.decode(bytes, { stream: true }));
  } catch {
    // the server dropped the connection: what arrived is kept
  }
  return { status: res.status, calls: runSse([chunks]) };
}

const ids = (calls: readonly SseCall[]) => calls.flatMap((c) => (c.kind === 'event' ? [c.id] : []));

describe('fault server: SSE endpoints', () => {
  it('/sse/ok streams ids 1..n, resumes after Last-Event-ID, then pings', async () => {
    const client = await connectSse(`${server.url}/sse/ok?n=4&ping=30`, { 'Last-Event-ID': '2' });
    await client.waitFor((ev) => ev.some((e) => e.type === 'ping'));
    client.close();
    expect(client.events.filter((e) => e.type === 'message').map((e) => e.id)).toEqual(['3', '4']);
    const log = (await (await fetch(`${server.url}/__log`)).json()) as LoggedRequest[];
    expect(log.map((r) => [r.path, r.headers['last-event-id']])).toEqual([['/sse/ok', '2']]);
  });

  it('/sse/close-after closes cleanly; a reconnect with the last id continues (H10)', async () => {
    const first = await readSse('/sse/close-after?n=3');
    expect(ids(first.calls)).toEqual(['1', '2', '3']);
    const second = await readSse('/sse/close-after?n=3', { 'Last-Event-ID': '3' });
    expect(ids(second.calls)).toEqual(['4', '5', '6']);
    expect(server.log().map((r) => r.headers['last-event-id'])).toEqual([undefined, '3']);
  });

  it.each(['end', 'destroy'])('/sse/cut-mid-event (%s): two events, then truncated_record (H11)', async (mode) => {
    const { calls } = await readSse(`/sse/cut-mid-event?mode=${mode}`);
    expect(ids(calls)).toEqual(['1', '2']);
    expect(calls.at(-1)).toEqual({ kind: 'reject', reason: 'truncated_record' });
  });

  it('/sse/replay ignores Last-Event-ID; the id window drops and counts the replays (H12)', async () => {
    const window = createIdWindow();
    const first = await readSse('/sse/replay?n=3');
    const second = await readSse('/sse/replay?n=3', { 'Last-Event-ID': '3' });
    const shown = [...first.calls, ...second.calls].flatMap((c) => (c.kind === 'event' && !window.isDuplicate(c.id) ? [c.id] : []));
    expect(shown).toEqual(['1', '2', '3']);
    expect(window.duplicates()).toBe(3);
  });

  it('/sse/garbage: the valid events around the garbage arrive, the stream is not broken (H13)', async () => {
    const { calls } = await readSse('/sse/garbage');
    expect(ids(calls).filter((id) => id !== null)).toEqual(['1', '2']);
    const data = calls.flatMap((c) => (c.kind === 'event' ? [c.data] : []));
    expect(data.some((d) => d.includes('\uFFFD'))).toBe(true);
  });

  it.each<[string, number, string, string | null]>([
    ['/sse/401', 401, 'fatal', null],
    ['/sse/204', 204, 'fatal', null],
    ['/sse/wrong-type', 200, 'fatal', null],
    ['/sse/429', 429, 'retry', '2'],
    ['/sse/ok?n=1&ping=10000', 200, 'accept', null],
  ])('%s → HTTP %i, judged %s', async (path, status, action, retryAfter) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    expect(judgeResponse({ kind: 'sse', status, contentType: res.headers.get('content-type') }).action).toBe(action);
    await res.body?.cancel();
  });

  it('answers CORS preflights for Last-Event-ID', async () => {
    const res = await fetch(`${server.url}/sse/ok`, { method: 'OPTIONS' });
    expect([res.status, res.headers.get('access-control-allow-headers')]).toEqual([204, 'Last-Event-ID, Content-Type']);
  });
});

describe('fault server: NDJSON and WebSocket', () => {
  async function readNdjson(path: string): Promise<{ lines: NdjsonLine[]; chunks: number }> {
    const res = await fetch(`${server.url}${path}`);
    const lines: NdjsonLine[] = [];
    const framer = createNdjsonFramer({ onLine: (l) => lines.push(l) });
    let chunks = 0;
    for await (const bytes of res.body ?? []) {
      chunks += 1;
      framer.push(bytes);
    }
    framer.finish();
    return { lines, chunks };
  }

  it('/ndjson/ok gives n lines', async () => {
    expect((await readNdjson('/ndjson/ok?n=3')).lines).toHaveLength(3);
  });

  it('/ndjson/split arrives in pieces cut inside lines and characters, and frames whole (H23)', async () => {
    const { lines, chunks } = await readNdjson('/ndjson/split');
    expect(chunks).toBeGreaterThan(3);
    expect(lines.map((l) => [l.reject, l.hasInvalidUtf8])).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ]);
    expect(lines[1]?.text).toContain('您的账户已达到速率限制');
  });

  it.each<[number, string]>([
    [1000, 'end'],
    [4401, 'fatal'],
  ])('/ws sends text frames then closes with %i (%s by the policy)', async (code, action) => {
    const { texts, closeCode } = await readWebSocket(`/ws?n=2&close=${code}`);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('"1302"');
    expect(closeCode).toBe(code);
    expect(judgeWsClose(closeCode ?? 0).action).toBe(action);
  });
});

/** A minimal client: handshake, then unmasked server frames (7- and 16-bit lengths, enough here). */
function readWebSocket(path: string): Promise<{ texts: string[]; closeCode: number | null }> {
  return new Promise((done, fail) => {
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      path,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13' },
    });
    req.on('upgrade', (res, socket, head) => {
      expect(res.headers['sec-websocket-accept']).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
      let buffer = Buffer.from(head);
      socket.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
      });
      socket.on('close', () => done(decodeFrames(buffer)));
    });
    req.on('error', fail);
    req.end();
  });
}

function decodeFrames(buffer: Buffer): { texts: string[]; closeCode: number | null } {
  const texts: string[] = [];
  let closeCode: number | null = null;
  for (let at = 0; at + 2 <= buffer.length; ) {
    const opcode = (buffer[at] ?? 0) & 0x0f;
    const short = (buffer[at + 1] ?? 0) & 0x7f;
    const headBytes = short === 126 ? 4 : 2;
    const length = short === 126 ? buffer.readUInt16BE(at + 2) : short;
    const body = buffer.subarray(at + headBytes, at + headBytes + length);
    if (opcode === 1) texts.push(body.toString('utf8'));
    if (opcode === 8) closeCode = body.readUInt16BE(0);
    at += headBytes + length;
  }
  return { texts, closeCode };
}
