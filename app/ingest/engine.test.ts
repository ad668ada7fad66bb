import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../core/view-state';
import { createEngine } from './engine';
import type { DashboardData, SourceStatus, WorkerMessage } from './protocol';

const errorLine = (i: number) => `2026-11-27T10:00:${String(i).padStart(2, '0')}Z ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`;

function harness(eventsCap: number) {
  const messages: WorkerMessage[] = [];
  const engine = createEngine((m) => messages.push(m), { eventsCap });
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
  return { engine, latest, ask };
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
});
