export interface IdWindow {
  /** True when `id` was seen among the last `capacity` ids (a duplicate, counted); otherwise remembers it. */
  isDuplicate(id: string | null): boolean;
  duplicates(): number;
  clear(): void;
}

/**
 * Duplicate-id suppression for SSE resumes (RELIABILITY H12): a server that ignores Last-Event-ID replays
 * events already shown; they are dropped by id and counted as `duplicate_event`. Bounded: the oldest id
 * leaves when the window is full. Frames without their own `id:` (null or '') are never duplicates.
 * Example: `const w = createIdWindow(); w.isDuplicate('7'); w.isDuplicate('7') // true`
 */
export function createIdWindow(capacity = 10_000): IdWindow {
  const size = Math.max(1, Math.floor(capacity));
  let seen = new Set<string>();
  let ring: (string | undefined)[] = new Array<string | undefined>(size);
  let next = 0;
  let duplicates = 0;
  return {
    isDuplicate: (id) => {
      if (id === null || id === '') return false;
      if (seen.has(id)) {
        duplicates += 1;
        return true;
      }
      const evicted = ring[next];
      if (evicted !== undefined) seen.delete(evicted);
      ring[next] = id;
      next = (next + 1) % size;
      seen.add(id);
      return false;
    },
    duplicates: () => duplicates,
    clear: () => {
      seen = new Set();
      ring = new Array<string | undefined>(size);
      next = 0;
      duplicates = 0;
    },
  };
}
