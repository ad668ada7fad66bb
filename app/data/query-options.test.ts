import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseViewState } from '../core/view-state';
import type { IngestClient } from '../ingest/ingest-client';
import { dashboardQueryOptions } from './query-options';

afterEach(() => {
  vi.useRealTimers();
});

describe('dashboard answers', () => {
  it('are the same query whichever order the events list takes', () => {
    const client = { request: vi.fn() } as unknown as IngestClient;
    const input = { now: 0, localOffsetMinutes: 0, storeVersion: 0 };
    const keyOf = (search: string) => dashboardQueryOptions(client, { ...input, view: parseViewState(search).view }).queryKey;
    expect(keyOf('order=oldest')).toEqual(keyOf(''));
    expect(keyOf('order=oldest&code=1308')).not.toEqual(keyOf(''));
  });

  it('superseded store versions leave the cache seconds after they leave the screen', async () => {
    vi.useFakeTimers();
    const request = vi.fn(async () => ({ answer: true }));
    const client = { request } as unknown as IngestClient;
    const queryClient = new QueryClient();
    const input = { view: parseViewState('').view, now: 0, localOffsetMinutes: 0, storeVersion: 0 };
    const observer = new QueryObserver(queryClient, dashboardQueryOptions(client, input));
    const unsubscribe = observer.subscribe(() => undefined);
    // A file being read: the chart version moves on every second, for two minutes.
    for (let version = 1; version <= 120; version += 1) {
      observer.setOptions(dashboardQueryOptions(client, { ...input, storeVersion: version }));
      await vi.advanceTimersByTimeAsync(1000);
    }
    const cached = queryClient.getQueryCache().findAll({ queryKey: ['dashboard'] });
    expect(request).toHaveBeenCalledTimes(121);
    expect(cached.length).toBeLessThanOrEqual(12);
    expect(cached.map((q) => q.queryKey[4])).toContain(120);
    unsubscribe();
    queryClient.clear();
  });
});
