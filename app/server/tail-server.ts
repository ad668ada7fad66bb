import { watch, type FSWatcher } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventHub } from './event-hub';
import { createFollower } from './file-follower';
import { isLoopbackHost, loopbackOrigin } from './loopback';
import { formatSseFrame } from './sse-format';
import { serveStatic } from './static-files';

export const TAIL_PATH = '/api/tail';

export interface TailServerOptions {
  readonly paths: readonly string[];
  readonly fromStart: boolean;
  /** Only '127.0.0.1' is accepted: the server exposes local files. */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built app (`dist/`), served beside the stream. */
  readonly staticDir?: string;
  /** Fallback polling period. Default 500 ms. */
  readonly pollMs?: number;
  /** Heartbeat period. Default 15 s. */
  readonly pingMs?: number;
  readonly historyLimit?: number;
}

export interface TailServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * `npm start -- --tail PATH...`: streams the lines appended to files (or to every .jsonl/.log under a
 * folder) as SSE on 127.0.0.1, and optionally serves the dashboard. Example:
 * `const s = await startTailServer({ paths: ['app.log'], fromStart: false, host: '127.0.0.1', port: 0 });`
 */
export async function startTailServer(options: TailServerOptions): Promise<TailServer> {
  if (options.host !== '127.0.0.1') throw new Error(`the tail server binds 127.0.0.1 only (asked for ${options.host})`);
  const hub = createEventHub(options.historyLimit === undefined ? {} : { historyLimit: options.historyLimit });
  const follower = createFollower({
    paths: options.paths,
    fromStart: options.fromStart,
    onSource: (source) => hub.publish({ event: 'source', data: JSON.stringify(source) }),
    onLine: (index, line) => hub.publish({ event: 'line', id: `${index}:${line.offset}`, data: line.text }),
    onSkip: (index, offset, bytes) => hub.publish({ event: 'skipped', data: JSON.stringify({ index, offset, bytes, reason: 'line_too_long' }) }),
  });
  const poller = createPoller(() => follower.tick(), options.pollMs ?? 500);
  const watchers = watchPaths(options.paths, poller.soon);
  const ping = setInterval(() => hub.broadcast(formatSseFrame({ event: 'ping', data: new Date().toISOString() })), options.pingMs ?? 15_000);

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const port = (server.address() as AddressInfo).port;
    if (!isLoopbackHost(req.headers.host, port)) return void res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden host\n');
    const origin = loopbackOrigin(req.headers.origin);
    const cors: Record<string, string> = origin === null ? {} : { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'OPTIONS') return void res.writeHead(204, { ...cors, 'Access-Control-Allow-Headers': 'Last-Event-ID' }).end();
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, cors).end();
    if (url.pathname === TAIL_PATH) return openStream(req, res, cors);
    if (options.staticDir !== undefined && (await serveStatic(options.staticDir, url.pathname, res, req.method === 'HEAD'))) return;
    res.writeHead(404, { ...cors, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  };
  const openStream = (req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): void => {
    res.writeHead(200, {
      ...cors,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 1000\n: quotalens tail\n\n');
    const header = req.headers['last-event-id'];
    hub.attach(res, typeof header === 'string' ? header : null);
  };

  poller.start();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      clearInterval(ping);
      poller.stop();
      watchers.forEach((w) => w.close());
      follower.close();
      hub.closeAll();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Runs `tick` every `periodMs`, sooner when asked (fs.watch), again at once while it reports more to read. */
function createPoller(tick: () => boolean, periodMs: number) {
  let timer: NodeJS.Timeout | null = null;
  let isStopped = false;
  const run = (): void => {
    timer = null;
    if (isStopped) return;
    const isBusy = tick();
    timer = setTimeout(run, isBusy ? 0 : periodMs);
  };
  return {
    start: () => run(),
    soon: () => {
      if (isStopped || timer === null) return;
      clearTimeout(timer);
      timer = setTimeout(run, 20);
    },
    stop: () => {
      isStopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** fs.watch is a hint only (it misses events on some file systems): polling stays the source of truth. */
function watchPaths(paths: readonly string[], onChange: () => void): FSWatcher[] {
  const watchers: FSWatcher[] = [];
  for (const path of paths) {
    const w = tryWatch(path, true, onChange) ?? tryWatch(path, false, onChange);
    if (w !== null) watchers.push(w);
  }
  return watchers;
}

function tryWatch(path: string, recursive: boolean, onChange: () => void): FSWatcher | null {
  try {
    const w = watch(path, { recursive, persistent: false }, onChange);
    w.on('error', () => w.close());
    return w;
  } catch {
    // Missing path or no recursive watch here: the poller still sees everything.
    return null;
  }
}
