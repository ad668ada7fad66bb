import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../core/view-state';
import { createEmptyLedger } from '../core/ledger/ledger';
import { encodeGb18030 } from '../core/formats/gb18030.test-support';
import { createEngine, PAGE_RENDER_MS, type EngineOptions } from './engine';
import type { DashboardData, SourceStatus, WorkerMessage } from './protocol';
import { failedPart, readPart, type PartProgress, type PartReader, type PartResult } from './read-part';
import { countFlag, countRecord } from '../core/ledger/ledger-count';

const errorLine = (i: number) => `2026-11-27T10:00:${String(i).padStart(2, '0')}Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`;

/** One incident's retries (Claude Code transcript): the fold holds it until the next record, or the end. */
const retry = (attempt: number) =>
  JSON.stringify({
    type: 'system', subtype: 'api_error', level: 'error', timestamp: '2026-11-27T10:00:00.000Z', uuid: `retry-${attempt}`,
    error: { status: 429, message: '429 {"error":{"code":"1302","message":"Rate limit reached for requests"}}' },
    retryInMs: 1000, retryAttempt: attempt, maxRetries: 1_000_000,
  });

function harness(eventsCap: number, options: EngineOptions = {}) {
  const messages: WorkerMessage[] = [];
  const engine = createEngine((m) => messages.push(m), { eventsCap, ...options });
  const latest = (): SourceStatus | undefined => {
    for (let i = messages.length - 1; i >= 0; i -= 1) {
      const m = messages[i];
      if (m?.type === 'sources') return m.sources[0];
    }
    return undefined;
  };
  const ask = (requestId: number) =>
    new Promise<DashboardData>((resolve) => {
      engine.handle({ type: 'query', requestId, query: { kind: 'dashboard', view: DEFAULT_VIEW, now: Date.UTC(2026, 10, 28), localOffsetMinutes: 0 } });
      const poll = () => {
        const reply = messages.find((m) => m.type === 'reply' && m.requestId === requestId);
        if (reply?.type === 'reply' && reply.ok) resolve(reply.data as DashboardData);
        else setTimeout(poll, 5);
      };
      poll();
    });
  const exportAll = (requestId: number) =>
    new Promise<unknown>((resolve) => {
      // In time order, as the file holds them.
      engine.handle({ type: 'query', requestId, query: { kind: 'export-events', view: { ...DEFAULT_VIEW, order: 'oldest' }, now: Date.UTC(2026, 10, 28), localOffsetMinutes: 0 } });
      const poll = () => {
        const reply = messages.find((m) => m.type === 'reply' && m.requestId === requestId);
        if (reply?.type === 'reply' && reply.ok) resolve(reply.data);
        else setTimeout(poll, 5);
      };
      poll();
    });
  return { engine, messages, latest, ask, exportAll };
}

/** The second part read in this process (the page gives it a worker of its own); `fail` makes it fail. */
function inProcessParts({ fail = false } = {}): PartReader & { started: number } {
  const reader = {
    started: 0,
    start: (request: Parameters<PartReader['start']>[0]) => {
      reader.started += 1;
      let latest: PartProgress = { bytesDone: 0, ledger: createEmptyLedger() };
      let cancelled = false;
      const done = fail ? Promise.resolve(readPart({ ...request, blob: new Blob([]) }, () => undefined)).then((r) => ({ ...r, state: 'failed' as const })) : readPart(request, (p) => (latest = { bytesDone: p.bytesDone, ledger: p.ledger }), () => cancelled);
      return { progress: () => latest, done, cancel: () => (cancelled = true), stop: () => (cancelled = true) };
    },
  };
  return reader;
}

async function until(check: () => boolean) {
  for (let i = 0; i < 400 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
}

describe('ingest engine', () => {
  it('counts events past the events cap per source instead of dropping them silently', async () => {
    const { engine, latest, ask } = harness(3);
    const text = Array.from({ length: 10 }, (_, i) => errorLine(i)).join('\n');
    engine.handle({ type: 'add-source', name: 'big.log', kind: 'paste', payload: { kind: 'text', text }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    await until(() => latest()?.state === 'done' && latest()?.eventsNotStored === 7);
    expect(latest()).toMatchObject({ state: 'done', eventsNotStored: 7 });
    expect(latest()?.ledger).toMatchObject({ lines: 10, catalogued: 10, events: 10 });
    expect((await ask(1)).overview.total).toBe(3);
  });

  it('keeps every event under the cap and says nothing', async () => {
    const { engine, latest, ask } = harness(100);
    engine.handle({ type: 'add-source', name: 'small.log', kind: 'paste', payload: { kind: 'text', text: `${errorLine(1)}\nok\n` }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    await until(() => latest()?.state === 'done');
    expect(latest()?.eventsNotStored).toBeUndefined();
    expect((await ask(2)).overview.total).toBe(1);
  });

  it('shows the lines of the first chunk read at once, not a status interval later', async () => {
    const { engine, messages } = harness(1_000_000);
    const text = `${Array.from({ length: 40_000 }, (_, i) => errorLine(i % 60)).join('\n')}\n`;
    engine.handle({ type: 'add-source', name: 'big.log', kind: 'paste', payload: { kind: 'text', text }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    const statuses = () => messages.flatMap((m) => (m.type === 'sources' && m.sources[0] !== undefined ? [m.sources[0]] : []));
    await until(() => statuses().some((s) => s.state === 'done'));
    const first = statuses().find((s) => s.ledger.lines > 0);
    expect(first?.state).toBe('reading');
    // Published with the first chunk (the read buffer is 1 MiB), before the next one was read.
    expect(first?.bytesDone).toBeGreaterThan(0);
    expect(first?.bytesDone).toBeLessThanOrEqual(1024 * 1024);
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
  });

  it('reads a gzip file in small chunks, so its first lines are shown before tens of megabytes of text are classified', async () => {
    const { engine, messages } = harness(1_000_000);
    // Varied lines (a hashed step number), or gzip packs them into almost nothing.
    const text = `${Array.from({ length: 200_000 }, (_, i) => `${errorLine(i % 60)} step=${Math.imul(i, 2654435761) >>> 0}`).join('\n')}\n`;
    const gzip = gzipSync(text);
    expect(gzip.length).toBeGreaterThan(256 * 1024);
    const file = new File([gzip], 'big.log.gz');
    engine.handle({ type: 'add-source', name: 'big.log.gz', kind: 'file', payload: { kind: 'file', file }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    const statuses = () => messages.flatMap((m) => (m.type === 'sources' && m.sources[0] !== undefined ? [m.sources[0]] : []));
    await until(() => statuses().some((s) => s.state === 'done'));
    const first = statuses().find((s) => s.ledger.lines > 0);
    expect(first?.bytesDone).toBeLessThanOrEqual(64 * 1024);
    expect(first?.ledger.lines).toBeLessThan(200_000 / 4);
    expect(statuses().find((s) => s.state === 'done')?.ledger).toMatchObject({ lines: 200_000, catalogued: 200_000 });
    // Its ledger's bytes are the text: the row and the rate say so.
    expect(statuses().filter((s) => s.bytesDone > 0).every((s) => s.compressed === 'gzip')).toBe(true);
  });

  it('keeps nothing of a source removed while it is read, not even the incident its reader held', async () => {
    const { engine, latest, ask } = harness(1_000_000);
    const text = `${Array.from({ length: 12_000 }, (_, i) => retry(i + 1)).join('\n')}\n`;
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
    engine.handle({ type: 'add-source', name: 'session.jsonl', kind: 'file', payload: { kind: 'text', text }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    await until(() => (latest()?.bytesDone ?? 0) > 0);
    expect(latest()?.state).toBe('reading');
    engine.handle({ type: 'remove', sourceId: latest()?.id ?? 0 });
    await new Promise((r) => setTimeout(r, 50));
    const after = await ask(3);
    expect(after.sourceIds).toEqual([]);
    expect(after.storeSize).toBe(0);
    expect(after.overview.total).toBe(0);
  });

  it('a cleared stream keeps no event, not even the incident it was folding, and no count of events past the cap', async () => {
    const { engine, latest, ask } = harness(1);
    engine.handle({ type: 'stream-open', key: 'sse:1', name: 'live', format: 'ndjson', localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    engine.handle({ type: 'stream-records', key: 'sse:1', records: [JSON.stringify({ error: { code: '1302', message: 'Rate limit reached for requests' } }), retry(1), retry(2)], rejects: [] });
    await until(() => latest()?.eventsNotStored !== undefined || (latest()?.ledger.events ?? 0) > 0);
    expect((await ask(1)).storeSize).toBe(1);
    engine.handle({ type: 'stream-clear', key: 'sse:1' });
    await until(() => latest()?.ledger.lines === 0);
    const after = await ask(2);
    expect(latest()?.ledger.events).toBe(0);
    expect(after.storeSize).toBe(0);
    expect(after.overview.total).toBe(0);
    expect(latest()?.eventsNotStored).toBeUndefined();
  });

  it('A24: a file that becomes unreadable part-way fails with what it read kept, and the unread rest counted', async () => {
    const { engine, latest, ask } = harness(1_000_000);
    const first = `${errorLine(1)}\n${errorLine(2)}\nhalf a li`;
    const file = Object.assign(new File([first, 'ne and more\n'.repeat(50)], 'moved.log'), {
      // As Chromium does when the file is changed or deleted after it was picked: the read fails after a chunk.
      stream: () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(first));
          },
          pull(controller) {
            controller.error(new DOMException('The file could not be read', 'NotReadableError'));
          },
        }),
    });
    engine.handle({ type: 'add-source', name: 'moved.log', kind: 'file', payload: { kind: 'file', file }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    await until(() => latest()?.state === 'failed');
    const status = latest();
    expect(status?.state).toBe('failed');
    expect(status?.error).toBe('The file could not be read: it was changed, moved or deleted after it was picked.');
    // The two lines read are kept and counted; the held half line and the rest are counted as unreadable bytes.
    expect(status?.ledger).toMatchObject({ lines: 2, catalogued: 2, events: 2, sourceBytes: file.size, bytesRead: file.size });
    expect(status?.ledger.bytesUnsplittable.file_unreadable).toBe(file.size - (first.length - 'half a li'.length));
    expect((await ask(12)).overview.total).toBe(2);
  });

  it('A9: reads a source again as GB18030 when asked, and keeps that encoding when its zone changes', async () => {
    const { engine, latest, ask } = harness(1_000_000);
    const text = '2026-08-25 06:00:00 WARN {"error":{"code":"1308","message":"已达到 5 小时的使用上限。您的限额将在 2026-08-25 07:41:44 重置。"}}\n';
    const file = new File([encodeGb18030(text)], 'windows.log');
    engine.handle({ type: 'add-source', name: 'windows.log', kind: 'file', payload: { kind: 'file', file }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    await until(() => latest()?.state === 'done');
    expect(latest()?.ledger.flags.invalid_utf8_replaced).toBe(1);
    expect(latest()?.textEncoding).toBeUndefined();
    engine.handle({ type: 'reread', sourceId: latest()?.id ?? 0, textEncoding: 'gb18030' });
    await until(() => latest()?.state === 'done' && latest()?.textEncoding === 'gb18030');
    expect(latest()?.ledger).toMatchObject({ lines: 1, catalogued: 1, flags: {} });
    expect((await ask(13)).breakdown.map((row) => row.code)).toEqual(['1308']);
    engine.handle({ type: 'reread', sourceId: latest()?.id ?? 0, localOffsetMinutes: 480 });
    await until(() => latest()?.state === 'done' && latest()?.localOffsetMinutes === 480);
    expect(latest()).toMatchObject({ textEncoding: 'gb18030', ledger: { catalogued: 1 } });
    engine.handle({ type: 'reread', sourceId: latest()?.id ?? 0, textEncoding: 'utf-8' });
    await until(() => latest()?.state === 'done' && latest()?.textEncoding === undefined);
    expect(latest()).toMatchObject({ localOffsetMinutes: 480, ledger: { flags: { invalid_utf8_replaced: 1 } } });
  });

  it('reads a source again with a larger line cap when asked: its long lines are read, and the cap is kept until set back', async () => {
    const { engine, latest, ask } = harness(1_000_000);
    // A whole request logged on one line with its 1302: 4.5 MiB, past the default cap of 4 MiB.
    const long = `2026-11-27T10:00:00Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"},"request":"${'x'.repeat(4.5 * 2 ** 20)}"}`;
    engine.handle({ type: 'add-source', name: 'long.log', kind: 'file', payload: { kind: 'file', file: new File([`${long}\n${errorLine(1)}\n`], 'long.log') }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    await until(() => latest()?.state === 'done');
    expect(latest()?.ledger).toMatchObject({ lines: 2, catalogued: 1, rejected: { line_too_long: 1 } });
    expect(latest()?.maxLineBytes).toBeUndefined();
    engine.handle({ type: 'reread', sourceId: latest()?.id ?? 0, maxLineBytes: 16 * 2 ** 20 });
    await until(() => latest()?.state === 'done' && latest()?.maxLineBytes === 16 * 2 ** 20);
    expect(latest()?.ledger).toMatchObject({ lines: 2, catalogued: 2, rejected: {} });
    expect((await ask(16)).overview.total).toBe(2);
    engine.handle({ type: 'reread', sourceId: latest()?.id ?? 0, localOffsetMinutes: 480 });
    await until(() => latest()?.state === 'done' && latest()?.localOffsetMinutes === 480);
    expect(latest()).toMatchObject({ maxLineBytes: 16 * 2 ** 20, ledger: { catalogued: 2 } });
    engine.handle({ type: 'reread', sourceId: latest()?.id ?? 0, maxLineBytes: 4 * 2 ** 20 });
    await until(() => latest()?.state === 'done' && latest()?.maxLineBytes === undefined);
    expect(latest()?.ledger).toMatchObject({ catalogued: 1, rejected: { line_too_long: 1 } });
  });

  it('reads a source again in a named zone, daylight saving included, until an offset is chosen in its place', async () => {
    const { engine, latest, exportAll } = harness(1_000_000);
    const line = (stamp: string) => `${stamp} ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`;
    const text = `${[line('2026-01-15 09:00:00'), line('2026-07-01 09:00:00')].join('\n')}\n`;
    engine.handle({ type: 'add-source', name: 'server.log', kind: 'file', payload: { kind: 'file', file: new File([text], 'server.log') }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    await until(() => latest()?.state === 'done');
    const times = async (requestId: number) => ((await exportAll(requestId)) as { time: string }[]).map((row) => row.time);
    expect(await times(30)).toEqual(['2026-01-15T09:00:00.000Z', '2026-07-01T09:00:00.000Z']);
    engine.handle({ type: 'reread', sourceId: latest()?.id ?? 0, localZone: 'America/Los_Angeles' });
    await until(() => latest()?.state === 'done' && latest()?.localZone === 'America/Los_Angeles');
    // UTC−8 in winter, UTC−7 in summer.
    expect(await times(31)).toEqual(['2026-01-15T17:00:00.000Z', '2026-07-01T16:00:00.000Z']);
    engine.handle({ type: 'reread', sourceId: latest()?.id ?? 0, textEncoding: 'gb18030' });
    await until(() => latest()?.state === 'done' && latest()?.textEncoding === 'gb18030');
    expect(latest()?.localZone).toBe('America/Los_Angeles');
    engine.handle({ type: 'reread', sourceId: latest()?.id ?? 0, localOffsetMinutes: 480 });
    await until(() => latest()?.state === 'done' && latest()?.localOffsetMinutes === 480);
    expect(latest()?.localZone).toBeUndefined();
    expect(await times(32)).toEqual(['2026-01-15T01:00:00.000Z', '2026-07-01T01:00:00.000Z']);
  });

  it('sends few statuses when many files come at once, each with every source: not one per file added, started and ended', async () => {
    const { engine, messages } = harness(1_000_000);
    for (let i = 0; i < 300; i += 1) {
      engine.handle({ type: 'add-source', name: `f${i}.log`, kind: 'file', payload: { kind: 'file', file: new File([`${errorLine(i % 60)}\n`], `f${i}.log`) }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    }
    const last = () => messages.findLast((m) => m.type === 'sources');
    await until(() => {
      const m = last();
      return m?.type === 'sources' && m.sources.length === 300 && m.sources.every((s) => s.state === 'done');
    });
    const sent = messages.filter((m) => m.type === 'sources').length;
    // Four a file (added, started, first lines, ended) was 1,200 messages of up to 300 statuses each.
    expect(sent).toBeLessThan(150);
    const final = last();
    expect(final?.type === 'sources' && final.sources.reduce((sum, s) => sum + s.ledger.events, 0)).toBe(300);
  });

  it('B8: each event of a line holding an array of errors opens with its own error\'s parameters', async () => {
    const { engine, latest, messages } = harness(1_000_000);
    const line = '[{"error":{"code":"1214","message":"The messages parameter is illegal. Please check the documentation."}},{"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 20:00:00"}}]';
    engine.handle({ type: 'add-source', name: 'array.log', kind: 'file', payload: { kind: 'file', file: new File([`${line}\n`], 'array.log') }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });
    await until(() => latest()?.state === 'done');
    expect(latest()?.ledger).toMatchObject({ lines: 1, records: 1, events: 2 });
    const detail = (requestId: number, index: number) =>
      new Promise<{ event: { code: string }; params: Record<string, string> }>((resolve) => {
        engine.handle({ type: 'query', requestId, query: { kind: 'event-detail', index, extent: 'preview' } });
        const poll = () => {
          const reply = messages.find((m) => m.type === 'reply' && m.requestId === requestId);
          if (reply?.type === 'reply' && reply.ok) resolve(reply.data as { event: { code: string }; params: Record<string, string> });
          else setTimeout(poll, 5);
        };
        poll();
      });
    const details = [await detail(14, 0), await detail(15, 1)];
    const byCode = new Map(details.map((d) => [d.event.code, d.params]));
    expect(byCode.get('1214')).toMatchObject({ field: 'messages' });
    expect(byCode.get('1308')).toMatchObject({ next_flush_time: '2026-11-27 20:00:00' });
  });

  it('opens a record of a UTF-16 file, or of one read again as GB18030, in the text it was read in', async () => {
    const { engine, messages } = harness(1_000_000);
    const line = '{"error":{"code":"1308","message":"已达到 5 小时的使用上限。您的限额将在 2026-11-27 20:00:00 重置。"}}';
    const utf16 = Uint8Array.from([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(`ok\n${line}\n`, (c) => c.charCodeAt(0)).buffer)]);
    const add = (name: string, bytes: Uint8Array, textEncoding?: 'gb18030') =>
      engine.handle({ type: 'add-source', name, kind: 'file', payload: { kind: 'file', file: new File([bytes.slice()], name) }, localOffsetMinutes: 0, providerOffsetMinutes: 480, ...(textEncoding ? { textEncoding } : {}) });
    add('utf16.log', utf16);
    add('gbk.log', encodeGb18030(`ok\n${line}\n`), 'gb18030');
    const sourcesDone = () => {
      const last = messages.findLast((m) => m.type === 'sources');
      return last?.type === 'sources' && last.sources.length === 2 && last.sources.every((s) => s.state === 'done');
    };
    await until(sourcesDone);
    const raw = (requestId: number, index: number) =>
      new Promise<string | null>((resolve) => {
        engine.handle({ type: 'query', requestId, query: { kind: 'event-detail', index, extent: 'preview' } });
        const poll = () => {
          const reply = messages.find((m) => m.type === 'reply' && m.requestId === requestId);
          if (reply?.type === 'reply' && reply.ok) resolve((reply.data as { raw: string | null }).raw);
          else setTimeout(poll, 5);
        };
        poll();
      });
    // The record as its bytes hold it, its line break included.
    expect([await raw(21, 0), await raw(22, 1)]).toEqual([`${line}\n`, `${line}\n`]);
  });

  describe('many files at once', () => {
    /** A file whose read gives its text, then holds until released (so reads overlap as long as a test wants). */
    const heldFile = (name: string, text: string) => {
      let release = () => undefined as void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const file = Object.assign(new File([text], name), {
        stream: () =>
          new ReadableStream<Uint8Array>({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode(text));
              await released;
              controller.close();
            },
          }),
      });
      return { file, release };
    };
    const lastSources = (messages: WorkerMessage[]) => {
      for (let i = messages.length - 1; i >= 0; i -= 1) {
        const m = messages[i];
        if (m?.type === 'sources') return m.sources;
      }
      return [];
    };
    const addFile = (h: ReturnType<typeof harness>, file: File) =>
      h.engine.handle({ type: 'add-source', name: file.name, kind: 'file', payload: { kind: 'file', file }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });

    it('reads two at a time, the others waiting their turn in order, and counts every one', async () => {
      const h = harness(1_000_000, { maxParallelReads: 2 });
      const files = Array.from({ length: 4 }, (_, i) => heldFile(`f${i}.log`, `${errorLine(i)}\n${errorLine(i + 1)}\n`));
      for (const { file } of files) addFile(h, file);
      await until(() => lastSources(h.messages).filter((s) => s.bytesDone > 0).length === 2);
      await new Promise((r) => setTimeout(r, 30));
      const during = lastSources(h.messages);
      expect(during.map((s) => [s.name, s.state, s.bytesDone > 0, s.waiting ?? false])).toEqual([
        ['f0.log', 'reading', true, false],
        ['f1.log', 'reading', true, false],
        ['f2.log', 'reading', false, true],
        ['f3.log', 'reading', false, true],
      ]);
      files[0]?.release();
      await until(() => lastSources(h.messages)[2]?.bytesDone !== 0);
      expect(lastSources(h.messages).map((s) => s.waiting ?? false)).toEqual([false, false, false, true]);
      for (const { release } of files) release();
      await until(() => lastSources(h.messages).every((s) => s.state === 'done'));
      expect(lastSources(h.messages).map((s) => s.ledger.events)).toEqual([2, 2, 2, 2]);
      expect((await h.ask(11)).overview.total).toBe(8);
    });

    it('A26: reads 500 files dropped at once, never more than two at a time, each with its own ledger', async () => {
      const h = harness(1_000_000);
      const files = Array.from({ length: 500 }, (_, i) => new File([`${errorLine(i % 60)}\nok ${i}\n${i % 2 ? '{"broken":\n' : ''}`], `f${i}.log`));
      for (const file of files) addFile(h, file);
      // Longer than `until` waits: 500 reads on a slow machine.
      const allDone = () => lastSources(h.messages).length === 500 && lastSources(h.messages).every((s) => s.state === 'done');
      for (let i = 0; i < 1000 && !allDone(); i += 1) await new Promise((r) => setTimeout(r, 20));
      const sources = lastSources(h.messages);
      expect(sources.map((s) => s.name)).toEqual(files.map((f) => f.name));
      expect(sources.every((s) => s.state === 'done')).toBe(true);
      // Each file its own ledger: 2 lines, plus a malformed one in the odd files.
      sources.forEach((s, i) => expect(s.ledger).toMatchObject({ lines: i % 2 ? 3 : 2, events: 1, bytesRead: files[i]?.size, rejected: i % 2 ? { malformed_json: 1 } : {} }));
      const reading = h.messages.flatMap((m) => (m.type === 'sources' ? [m.sources.filter((s) => s.state === 'reading' && !s.waiting).length] : []));
      expect(Math.max(...reading)).toBeLessThanOrEqual(2);
      expect((await h.ask(12)).overview.total).toBe(500);
    });

    it('ends a file cancelled or removed while it waits at once, nothing read, and lets the next one in', async () => {
      const h = harness(1_000_000, { maxParallelReads: 1 });
      const files = ['a.log', 'b.log', 'c.log'].map((name, i) => heldFile(name, `${errorLine(i)}\n`));
      for (const { file } of files) addFile(h, file);
      await until(() => lastSources(h.messages).length === 3 && lastSources(h.messages)[1]?.waiting === true);
      const [a, b, c] = lastSources(h.messages);
      h.engine.handle({ type: 'cancel', sourceId: b?.id ?? 0 });
      await until(() => lastSources(h.messages)[1]?.state === 'cancelled');
      const cancelled = lastSources(h.messages)[1];
      expect(cancelled?.ledger).toMatchObject({ lines: 0, events: 0, bytesRead: files[1]?.file.size, bytesUnsplittable: { cancelled: files[1]?.file.size } });
      h.engine.handle({ type: 'remove', sourceId: c?.id ?? 0 });
      await until(() => lastSources(h.messages).length === 2);
      for (const { release } of files) release();
      await until(() => lastSources(h.messages)[0]?.state === 'done');
      expect(lastSources(h.messages).map((s) => [s.id, s.state])).toEqual([[a?.id, 'done'], [b?.id, 'cancelled']]);
      // The turn a cancelled file never took is free: a file added now is read.
      const d = heldFile('d.log', `${errorLine(9)}\n`);
      d.release();
      addFile(h, d.file);
      await until(() => lastSources(h.messages)[2]?.state === 'done');
      expect(lastSources(h.messages)[2]?.ledger.events).toBe(1);
    });
  });

  describe('a large file read in two parts', () => {
    const lines = Array.from({ length: 400 }, (_, i) =>
      i % 50 === 7
        ? `HTTP/1.1 429 Too Many Requests\nContent-Type: application/json\n\n{\n  "error": {"code": "1308", "message": "Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 20:00:00"}\n}`
        : i % 3 === 0
          ? errorLine(i % 60)
          : `2026-11-27T10:00:${String(i % 60).padStart(2, '0')}Z INFO step ${i} ok`,
    );
    const text = `${lines.join('\n')}\n`;
    const add = (h: ReturnType<typeof harness>, body = text) =>
      h.engine.handle({ type: 'add-source', name: 'big.log', kind: 'paste', payload: { kind: 'text', text: body }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });

    it('gives the same ledger and events as one reading, the second part read alongside', async () => {
      const one = harness(1_000_000);
      add(one);
      await until(() => one.latest()?.state === 'done');
      const parts = inProcessParts();
      const two = harness(1_000_000, { partReader: parts, splitMinBytes: 2048 });
      add(two);
      await until(() => two.latest()?.state === 'done');
      expect(parts.started).toBe(1);
      expect(two.latest()?.readers).toBe(2);
      expect(one.latest()?.readers).toBeUndefined();
      expect(two.latest()?.ledger).toEqual(one.latest()?.ledger);
      expect(two.latest()?.bytesDone).toBe(new Blob([text]).size);
      expect(await two.exportAll(1)).toEqual(await one.exportAll(1));
      expect((await two.ask(2)).overview).toEqual((await one.ask(2)).overview);
    });

    it('reads both parts with the source\'s line cap: long lines on either side of the split are read as in one reading', async () => {
      const long = (i: number) => `2026-11-27T10:00:0${i}Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"},"request":"${'x'.repeat(4.5 * 2 ** 20)}"}`;
      // The split falls in the short lines between the two long ones.
      const short = (n: number) => Array.from({ length: n }, (_, i) => errorLine(i % 60)).join('\n');
      const body = `${long(1)}\n${short(48_000)}\n${long(2)}\n${short(2)}\n`;
      const read = async (h: ReturnType<typeof harness>) => {
        h.engine.handle({ type: 'add-source', name: 'long.log', kind: 'paste', payload: { kind: 'text', text: body }, localOffsetMinutes: 0, providerOffsetMinutes: 480, maxLineBytes: 16 * 2 ** 20 });
        await until(() => h.latest()?.state === 'done');
        return h.latest();
      };
      const one = await read(harness(1_000_000));
      const two = await read(harness(1_000_000, { partReader: inProcessParts(), splitMinBytes: 2048 }));
      expect(two?.readers).toBe(2);
      expect(one?.ledger).toMatchObject({ lines: 48_004, catalogued: 48_004, rejected: {} });
      expect(two?.ledger).toEqual(one?.ledger);
    });

    it('while the parts are read, counts the second part\'s caveats but lists none of its lines: their numbers are known once joined', async () => {
      // The second part has read a line with a caveat, its own line 1: which line of the file that is, no one knows yet.
      const rest = createEmptyLedger();
      countRecord(rest, { firstLine: 1, lineCount: 1, byteLength: 10, firstLineBytes: 9, text: 'x' }, { kind: 'non-error' });
      countFlag(rest, 'timestamp_zone_assumed', 1);
      let release: (result: PartResult) => void = () => undefined;
      const held: PartReader = { start: () => ({ progress: () => ({ bytesDone: 10, ledger: rest }), done: new Promise<PartResult>((resolve) => (release = resolve)), cancel: () => undefined }) };
      const h = harness(1_000_000, { partReader: held, splitMinBytes: 2048 });
      add(h);
      await until(() => h.latest()?.ledger.flags.timestamp_zone_assumed === 1);
      expect(h.latest()?.state).toBe('reading');
      expect(h.latest()?.ledger.flagLines.timestamp_zone_assumed).toBeUndefined();
      release(failedPart());
      await until(() => h.latest()?.state === 'done');
      expect(h.latest()?.ledger.flags.timestamp_zone_assumed).toBeUndefined();
    });

    it('reads on when the second reader does not say it has loaded, with the same result', async () => {
      const one = harness(1_000_000);
      add(one);
      await until(() => one.latest()?.state === 'done');
      const parts = inProcessParts();
      const silent = { start: (r: Parameters<PartReader['start']>[0]) => ({ ...parts.start(r), ready: new Promise<void>(() => undefined) }) };
      const two = harness(1_000_000, { partReader: silent, splitMinBytes: 2048 });
      add(two);
      await until(() => two.latest()?.state === 'done');
      expect(parts.started).toBe(1);
      expect(two.latest()?.ledger).toEqual(one.latest()?.ledger);
    });

    it('reads the rest itself when the second part fails, with the same result', async () => {
      const one = harness(1_000_000);
      add(one);
      await until(() => one.latest()?.state === 'done');
      const two = harness(1_000_000, { partReader: inProcessParts({ fail: true }), splitMinBytes: 2048 });
      add(two);
      await until(() => two.latest()?.state === 'done');
      expect(two.latest()?.readers).toBeUndefined();
      expect(two.latest()?.ledger).toEqual(one.latest()?.ledger);
      expect(await two.exportAll(3)).toEqual(await one.exportAll(3));
    });

    it('keeps the events cap across the parts, counting what is not kept', async () => {
      const two = harness(50, { partReader: inProcessParts(), splitMinBytes: 2048 });
      add(two);
      await until(() => two.latest()?.state === 'done');
      const events = two.latest()?.ledger.events ?? 0;
      expect(events).toBeGreaterThan(50);
      expect(two.latest()?.eventsNotStored).toBe(events - 50);
      expect((await two.ask(4)).overview.total).toBe(50);
    });

    /** The file whose first part's last read (the one that finds its end) waits until `release` is called. */
    const lastReadHeld = () => {
      let release = () => undefined as void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const file = new File([text], 'big.log');
      const slice = file.slice.bind(file);
      file.slice = (start?: number, end?: number) => {
        const part = slice(start, end);
        return Object.assign(part, {
          stream: () =>
            new ReadableStream<Uint8Array>({
              async start(controller) {
                controller.enqueue(new Uint8Array(await part.arrayBuffer()));
                await released;
                controller.close();
              },
            }),
        });
      };
      return { file, release };
    };
    const addFile = (h: ReturnType<typeof harness>, file: File) =>
      h.engine.handle({ type: 'add-source', name: 'big.log', kind: 'file', payload: { kind: 'file', file }, localOffsetMinutes: 0, providerOffsetMinutes: 480 });

    it('keeps nothing of the second part when the file is removed during the first part\'s last read', async () => {
      const two = harness(1_000_000, { partReader: inProcessParts(), splitMinBytes: 2048 });
      const { file, release } = lastReadHeld();
      addFile(two, file);
      await until(() => (two.latest()?.bytesDone ?? 0) > 0);
      two.engine.handle({ type: 'remove', sourceId: two.latest()?.id ?? 0 });
      release();
      await new Promise((r) => setTimeout(r, 100));
      const after = await two.ask(5);
      expect(after.sourceIds).toEqual([]);
      expect(after.storeSize).toBe(0);
    });

    it('ends as cancelled, and stops the second reader, when Cancel comes during the first part\'s last read', async () => {
      let partsCancelled = 0;
      // A reader that never ends its part, nor says it stopped.
      const never = (r: Parameters<PartReader['start']>[0]) => ({ progress: inProcessParts().start(r).progress, done: new Promise<never>(() => undefined), cancel: () => (partsCancelled += 1) });
      const two = harness(1_000_000, { partReader: { start: never }, splitMinBytes: 2048 });
      const { file, release } = lastReadHeld();
      addFile(two, file);
      await until(() => (two.latest()?.bytesDone ?? 0) > 0);
      two.engine.handle({ type: 'cancel', sourceId: two.latest()?.id ?? 0 });
      release();
      await until(() => two.latest()?.state === 'cancelled');
      expect(two.latest()?.state).toBe('cancelled');
      expect(partsCancelled).toBe(1);
    });

    it('asks the second reader to rest with it after each dashboard answer, while the page redraws, and only while it reads', async () => {
      const rests: number[] = [];
      let finishPart: () => void = () => undefined;
      const held = (r: Parameters<PartReader['start']>[0]) => {
        const run = inProcessParts().start(r);
        // The part ends when the test says, so the answers below come while it is read.
        const done = new Promise<void>((resolve) => (finishPart = resolve)).then(() => run.done);
        return { ...run, done, rest: (ms: number) => rests.push(ms) };
      };
      const two = harness(1_000_000, { partReader: { start: held }, splitMinBytes: 2048 });
      add(two);
      await until(() => (two.latest()?.bytesDone ?? 0) > 0);
      await two.ask(6);
      await until(() => rests.length > 0);
      expect(rests).toEqual([PAGE_RENDER_MS]);
      await two.ask(7);
      await until(() => rests.length > 1);
      expect(rests).toEqual([PAGE_RENDER_MS, PAGE_RENDER_MS]);
      finishPart();
      await until(() => two.latest()?.state === 'done');
      await two.ask(8);
      await new Promise((r) => setTimeout(r, 20));
      expect(rests).toHaveLength(2);
    });

    it('ends with a consistent partial ledger when cancelled while a second reader that cannot stop reads its part, and stops that reader', async () => {
      let partsCancelled = 0;
      // A reader that never ends its part, nor says it stopped.
      const never = (r: Parameters<PartReader['start']>[0]) => ({ progress: inProcessParts().start(r).progress, done: new Promise<never>(() => undefined), cancel: () => (partsCancelled += 1) });
      const two = harness(1_000_000, { partReader: { start: never }, splitMinBytes: 2048 });
      add(two);
      await until(() => (two.latest()?.bytesDone ?? 0) > 0);
      const id = two.latest()?.id ?? 0;
      await new Promise((r) => setTimeout(r, 20));
      two.engine.handle({ type: 'cancel', sourceId: id });
      await until(() => two.latest()?.state === 'cancelled');
      const ledger = two.latest()?.ledger;
      expect(ledger?.lines).toBe((ledger?.catalogued ?? 0) + (ledger?.nonError ?? 0) + (ledger?.uncatalogued ?? 0));
      expect(ledger?.bytesRead).toBe(new Blob([text]).size);
      expect(ledger?.bytesUnsplittable.cancelled ?? 0).toBeGreaterThan(0);
      // The second reader is told to stop: left alone, it read on to the end of its part on the other core.
      expect(partsCancelled).toBe(1);
      // What it had read is not kept, and the ledger says so: the counts shown while reading went down.
      expect(ledger?.notices).toContainEqual(expect.stringMatching(/^cancelled while a second core was reading ahead: the [\d,]+ bytes it read from byte [\d,]+ were discarded and count as not read$/));
      // Nothing of the second part was kept: the row does not say the source was read on two cores.
      expect(two.latest()?.readers).toBeUndefined();
    });

    it('keeps what both readers read when Cancel comes while the first part is read: the lines after the gap keep their numbers', async () => {
      // Every slice of the file streams 512 bytes at a time, a few milliseconds apart, as a disk read does.
      const file = new File([text], 'big.log');
      const slice = file.slice.bind(file);
      file.slice = (start?: number, end?: number) => {
        const part = slice(start, end);
        return Object.assign(part, {
          stream: () => {
            let at = 0;
            return new ReadableStream<Uint8Array>({
              async pull(controller) {
                await new Promise((r) => setTimeout(r, 15));
                if (at >= part.size) return controller.close();
                controller.enqueue(new Uint8Array(await part.slice(at, at + 512).arrayBuffer()));
                at += 512;
              },
            });
          },
        });
      };
      const two = harness(1_000_000, { partReader: inProcessParts(), splitMinBytes: 2048 });
      addFile(two, file);
      const size = new Blob([text]).size;
      await until(() => (two.latest()?.bytesDone ?? 0) > 4096);
      two.engine.handle({ type: 'cancel', sourceId: two.latest()?.id ?? 0 });
      await until(() => two.latest()?.state === 'cancelled');
      const status = two.latest();
      expect(status?.state).toBe('cancelled');
      expect(status?.readers).toBe(2);
      // The row said at once that the read was ending, and no longer once it had.
      const statuses = two.messages.flatMap((m) => (m.type === 'sources' && m.sources[0] !== undefined ? [m.sources[0]] : []));
      expect(statuses.some((s) => s.state === 'reading' && s.stopping === true)).toBe(true);
      expect(status?.stopping).toBeUndefined();
      const ledger = status?.ledger;
      expect(ledger?.lines).toBe((ledger?.catalogued ?? 0) + (ledger?.nonError ?? 0) + (ledger?.uncatalogued ?? 0) + Object.values(ledger?.rejected ?? {}).reduce((a, b) => a + b, 0));
      expect(ledger?.bytesRead).toBe(size);
      expect(ledger?.notices).toEqual([expect.stringMatching(/^cancelled: read bytes 0 to [\d,]+ and, on a second core, [\d,]+ to [\d,]+ of [\d,]+; the bytes between and after are not read$/)]);
      expect(status?.bytesDone).toBeLessThan(size);
      // Each event kept, from either part, is on the line of the file its number says.
      const fileLines = text.split('\n');
      const events = (await two.exportAll(4)) as { code: string; line: number }[];
      expect(events.length).toBeGreaterThan(0);
      const [, restFrom] = /on a second core, ([\d,]+) to/.exec(ledger?.notices[0] ?? '') ?? [];
      const restStart = Number((restFrom ?? '').replaceAll(',', ''));
      const restLine = new TextEncoder().encode(text).subarray(0, restStart).filter((b) => b === 10).length + 1;
      expect(events.some((e) => e.line >= restLine)).toBe(true);
      for (const e of events) expect(fileLines[e.line - 1]).toMatch(e.code === '1308' ? /^HTTP\/1\.1 429/ : new RegExp(`"code":"${e.code}"`));
    });

    it('keeps what the second reader read when Cancel comes once only its part is left: it stops where it is, its lines numbered after the first part\'s', async () => {
      // The second part gives half its bytes, then a quarter more once it is told to stop, and never ends by itself.
      let stopAsked = () => undefined as void;
      const stopped = new Promise<void>((resolve) => (stopAsked = resolve));
      let partAt = -1;
      let partBytes = 0;
      const held = (r: Parameters<PartReader['start']>[0]) => {
        partAt = r.at;
        partBytes = r.blob.size;
        const bytes = (from: number, to: number) => r.blob.slice(from, to).arrayBuffer().then((b) => new Uint8Array(b));
        const heldBlob = (from: number): Blob => {
          const slice = r.blob.slice(from);
          return Object.assign(slice, {
            slice: (start = 0) => heldBlob(from + start),
            stream: () =>
              new ReadableStream<Uint8Array>({
                async start(controller) {
                  const half = Math.floor(partBytes / 2);
                  if (from < half) controller.enqueue(await bytes(from, half));
                  await stopped;
                  controller.enqueue(await bytes(Math.max(from, half), Math.floor((partBytes * 3) / 4)));
                },
              }),
          });
        };
        const run = inProcessParts().start({ ...r, blob: heldBlob(0) });
        return { ...run, stop: () => (run.stop?.(), stopAsked()) };
      };
      const two = harness(1_000_000, { partReader: { start: held }, splitMinBytes: 2048 });
      add(two);
      const size = new Blob([text]).size;
      // The first part is read whole, the second half way.
      await until(() => partAt > 0 && two.latest()?.bytesDone === partAt + Math.floor(partBytes / 2));
      expect(two.latest()?.state).toBe('reading');
      two.engine.handle({ type: 'cancel', sourceId: two.latest()?.id ?? 0 });
      await until(() => two.latest()?.state === 'cancelled');
      const status = two.latest();
      const readTo = partAt + Math.floor((partBytes * 3) / 4);
      expect(status?.state).toBe('cancelled');
      expect(status?.bytesDone).toBe(readTo);
      expect(status?.readers).toBe(2);
      const ledger = status?.ledger;
      expect(ledger?.lines).toBe((ledger?.catalogued ?? 0) + (ledger?.nonError ?? 0) + (ledger?.uncatalogued ?? 0) + Object.values(ledger?.rejected ?? {}).reduce((a, b) => a + b, 0));
      expect(ledger?.bytesRead).toBe(size);
      expect(ledger?.notices).toEqual([`cancelled after ${readTo.toLocaleString('en-US')} of ${size.toLocaleString('en-US')} bytes`]);
      // The lines read are those of one reading of the same bytes up to the last line end (the bytes of the line cut
      // short are counted as cancelled, not as a line).
      const bytes = new TextEncoder().encode(text);
      const one = harness(1_000_000);
      add(one, new TextDecoder().decode(bytes.slice(0, bytes.lastIndexOf(10, readTo - 1) + 1)));
      await until(() => one.latest()?.state === 'done');
      expect(ledger?.lines).toBe(one.latest()?.ledger.lines);
      expect(ledger?.catalogued).toBe(one.latest()?.ledger.catalogued);
      expect((await two.exportAll(3)) as unknown[]).toEqual((await one.exportAll(3)) as unknown[]);
    });
  });
});
