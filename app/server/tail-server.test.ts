import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SseEvent } from '../core/stream/sse-types';
import { connectSse, sleep, type TestSseClient } from './sse-client.test-support';
import { startTailServer, type TailServer, type TailServerOptions } from './tail-server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotalens-tail-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(paths: string[], extra: Partial<TailServerOptions> = {}): Promise<TailServer> {
  const server = await startTailServer({ paths, fromStart: false, host: '127.0.0.1', port: 0, pollMs: 40, ...extra });
  cleanups.push(() => server.close());
  return server;
}

async function connect(server: TailServer, headers: Record<string, string> = {}): Promise<TestSseClient> {
  const client = await connectSse(`${server.url}/api/tail`, headers);
  cleanups.push(() => client.close());
  return client;
}

const lines = (events: readonly SseEvent[]) => events.filter((e) => e.type === 'line').map((e) => e.data);
const sources = (events: readonly SseEvent[]) => events.filter((e) => e.type === 'source').map((e) => JSON.parse(e.data) as { reason: string; path: string; index: number });
const hasLines = (n: number) => (events: readonly SseEvent[]) => lines(events).length >= n;

describe('startTailServer: following files', () => {
  it('streams appended lines once, from the end by default, holding a partial line until its newline', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, 'old 1\nold 2\nhalf of a li');
    const server = await start([file]);
    const client = await connect(server);
    await client.waitFor((ev) => sources(ev).length === 1);
    expect(client.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    appendFileSync(file, 'ne\nnew 1\r\n');
    await client.waitFor(hasLines(1));
    appendFileSync(file, 'new 2 {"error":{"code":"1302"');
    await sleep(150);
    appendFileSync(file, '}}\n');
    await client.waitFor(hasLines(2));
    await sleep(150);
    expect(lines(client.events)).toEqual(['new 1', 'new 2 {"error":{"code":"1302"}}']);
    expect(client.events.filter((e) => e.type === 'line').map((e) => e.id)).toEqual(['0:27', '0:34']);
    expect(sources(client.events)).toMatchObject([{ reason: 'start', index: 0 }]);
  });

  it('reads existing content with fromStart', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.jsonl');
    writeFileSync(file, '{"a":1}\n{"b":2}\n');
    const server = await start([file], { fromStart: true });
    const client = await connect(server);
    await client.waitFor(hasLines(2));
    expect(lines(client.events)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('a truncated file is read again from 0 and announced; nothing arrives twice', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const server = await start([file]);
    const client = await connect(server);
    appendFileSync(file, 'one\ntwo\n');
    await client.waitFor(hasLines(2));
    truncateSync(file, 0);
    await sleep(120);
    appendFileSync(file, 'three\n');
    await client.waitFor(hasLines(3));
    await sleep(150);
    expect(lines(client.events)).toEqual(['one', 'two', 'three']);
    expect(sources(client.events).map((s) => s.reason)).toEqual(['start', 'truncated']);
  });

  it('a rotated file is read to its end, then the new file from its start, each line once', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const server = await start([file]);
    const client = await connect(server);
    appendFileSync(file, 'before\n');
    await client.waitFor(hasLines(1));
    appendFileSync(file, 'last of old\n');
    renameSync(file, `${file}.1`);
    writeFileSync(file, 'first of new\n');
    await client.waitFor(hasLines(3));
    appendFileSync(file, 'second of new\n');
    await client.waitFor(hasLines(4));
    await sleep(150);
    expect(lines(client.events)).toEqual(['before', 'last of old', 'first of new', 'second of new']);
    expect(sources(client.events).map((s) => s.reason)).toEqual(['start', 'rotated']);
  });

  it('follows new .jsonl and .log files in a folder, recursively, and ignores other files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'existing.jsonl'), '{"old":1}\n');
    const server = await start([dir]);
    const client = await connect(server);
    mkdirSync(join(dir, '-home-project'));
    writeFileSync(join(dir, '-home-project', 'session.jsonl'), '{"s":1}\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored\n');
    writeFileSync(join(dir, 'data.json'), '{"ignored":true}\n');
    appendFileSync(join(dir, 'existing.jsonl'), '{"new":1}\n');
    await client.waitFor(hasLines(2));
    writeFileSync(join(dir, 'server.log'), 'log line\n');
    await client.waitFor(hasLines(3));
    await sleep(150);
    expect(lines(client.events).sort()).toEqual(['log line', '{"new":1}', '{"s":1}']);
    expect(sources(client.events).map((s) => s.reason).sort()).toEqual(['new', 'new', 'start']);
  });

  it('Last-Event-ID resumes without duplicates; an unknown id is announced', async () => {
    const dir = tempDir();
    const file = join(dir, 'app.log');
    writeFileSync(file, '');
    const server = await start([file]);
    const first = await connect(server);
    appendFileSync(file, 'a\nb\nc\n');
    await first.waitFor(hasLines(3));
    const lastId = first.events.filter((e) => e.type === 'line')[1]?.id ?? '';
    first.close();
    appendFileSync(file, 'd\n');
    const resumed = await connect(server, { 'Last-Event-ID': lastId });
    await resumed.waitFor(hasLines(2));
    appendFileSync(file, 'e\n');
    await resumed.waitFor(hasLines(3));
    await sleep(100);
    expect(lines(resumed.events)).toEqual(['c', 'd', 'e']);
    const fresh = await connect(server, { 'Last-Event-ID': '99:0' });
    await fresh.waitFor(hasLines(5));
    expect(fresh.events[0]?.type).toBe('notice');
  });

  it('sends ping events', async () => {
    const dir = tempDir();
    const server = await start([dir], { pingMs: 50 });
    const client = await connect(server);
    await client.waitFor((ev) => ev.some((e) => e.type === 'ping'));
  });
});

describe('startTailServer: safety and static files', () => {
  it.each(['0.0.0.0', '::', 'localhost', '192.168.1.2'])('refuses to bind %s', async (host) => {
    await expect(startTailServer({ paths: [], fromStart: false, host, port: 0 })).rejects.toThrow('127.0.0.1 only');
  });

  it.each<[string, number]>([
    ['evil.example', 403],
    ['127.0.0.1', 200],
  ])('Host %s → %i (DNS rebinding guard)', async (hostname, status) => {
    const server = await start([tempDir()]);
    const got = await new Promise<number>((done, fail) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/tail', headers: { host: `${hostname}:${server.port}` } }, (res) => {
        done(res.statusCode ?? 0);
        res.destroy();
      });
      req.on('error', fail);
      req.end();
    });
    expect(got).toBe(status);
  });

  it.each<[string | undefined, string | null]>([
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['https://evil.example', null],
    [undefined, null],
  ])('Origin %s → Access-Control-Allow-Origin %s', async (origin, allowed) => {
    const server = await start([tempDir()]);
    const res = await fetch(`${server.url}/nothing`, origin === undefined ? {} : { headers: { Origin: origin } });
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('serves the built app with content types, falls back to index.html, refuses traversal', async () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Quotalens</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'export {};');
    const server = await start([tempDir()], { staticDir: join(dist) });
    const get = async (path: string) => {
      const res = await fetch(`${server.url}${path}`);
      return [res.status, res.headers.get('content-type'), await res.text()];
    };
    expect(await get('/')).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>Quotalens</title>']);
    expect(await get('/assets/app.js')).toEqual([200, 'text/javascript; charset=utf-8', 'export {};']);
    expect((await get('/live'))[0]).toBe(200);
    expect((await get('/assets/missing.js'))[0]).toBe(404);
    expect((await get('/..%2f..%2fetc%2fpasswd'))[0]).toBe(404);
    expect((await get('/..%5c..%5cetc%5cpasswd'))[0]).not.toContain('root:');
    // The URL parser folds %2e%2e segments itself: the path stays inside the app (its index page).
    expect(await get('/%2e%2e/%2e%2e/etc/passwd')).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>Quotalens</title>']);
  });
});
