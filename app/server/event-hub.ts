import type { ServerResponse } from 'node:http';
import { formatSseFrame } from './sse-format';

interface Entry {
  readonly seq: number;
  readonly id: string | null;
  readonly text: string;
}

export interface EventHub {
  /** Formats, keeps in the history and sends to every client. */
  publish(frame: { event: string; id?: string | null; data: string }): void;
  /**
   * Adds a client: replays the history after `lastEventId` (all of it when null or unknown, with a
   * `notice` event when the id is unknown so a gap can be shown), then sends everything new.
   */
  attach(res: ServerResponse, lastEventId: string | null): void;
  /** Sends a frame to the clients only (pings), not kept. */
  broadcast(text: string): void;
  clients(): number;
  closeAll(): void;
}

/** Past this many unsent bytes a client is too slow and is dropped (it reconnects with Last-Event-ID). */
const MAX_CLIENT_BACKLOG = 64 * 1024 * 1024;

/**
 * The events of the tail server: a bounded history (default 100,000 frames) indexed by id, so a client
 * that reconnects with `Last-Event-ID` gets exactly the frames it missed, without duplicates.
 */
export function createEventHub(options: { historyLimit?: number } = {}): EventHub {
  const limit = Math.max(1, options.historyLimit ?? 100_000);
  const history: Entry[] = [];
  const seqById = new Map<string, number>();
  const clients = new Set<ServerResponse>();
  let nextSeq = 0;

  const send = (res: ServerResponse, text: string): void => {
    if (res.writableLength > MAX_CLIENT_BACKLOG) {
      clients.delete(res);
      res.destroy();
      return;
    }
    res.write(text);
  };

  const trim = (): void => {
    while (history.length > limit) {
      const old = history.shift();
      if (old?.id !== null && old?.id !== undefined && seqById.get(old.id) === old.seq) seqById.delete(old.id);
    }
  };

  const replay = (res: ServerResponse, lastEventId: string | null): void => {
    const seq = lastEventId === null ? undefined : seqById.get(lastEventId);
    if (lastEventId !== null && lastEventId !== '' && seq === undefined) {
      res.write(formatSseFrame({ event: 'notice', data: JSON.stringify({ notice: 'resume-point-unknown', lastEventId }) }));
    }
    const first = seq === undefined ? 0 : history.findIndex((e) => e.seq > seq);
    if (first < 0) return;
    res.write(history.slice(first).map((e) => e.text).join(''));
  };

  return {
    publish: (frame) => {
      const text = formatSseFrame(frame);
      const seq = nextSeq++;
      const id = frame.id ?? null;
      history.push({ seq, id, text });
      if (id !== null) seqById.set(id, seq);
      trim();
      for (const res of clients) send(res, text);
    },
    attach: (res, lastEventId) => {
      replay(res, lastEventId);
      clients.add(res);
      res.on('close', () => clients.delete(res));
    },
    broadcast: (text) => {
      for (const res of clients) send(res, text);
    },
    clients: () => clients.size,
    closeAll: () => {
      for (const res of clients) res.end();
      clients.clear();
    },
  };
}
