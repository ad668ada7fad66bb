export const DEFAULT_LIVE_CAPACITY = 200_000;

export interface LiveBuffer<T> {
  /** Adds the newest item; when full the oldest leaves and is counted as overflow. */
  push(item: T): void;
  /** Oldest first. */
  toArray(): T[];
  size(): number;
  /** Items dropped because the buffer was full (`buffer_overflow`), since the last clear. */
  overflowed(): number;
  /** Empties the buffer and its counts. */
  clear(): void;
  /** Pause freezes what the view shows; items keep arriving and are counted as unseen until resume. */
  pause(): void;
  resume(): void;
  isPaused(): boolean;
  unseen(): number;
  /** Bumps on every change the view should render (not while paused): a cheap memo key. */
  version(): number;
}

/**
 * The bounded buffer of a live view (RELIABILITY H15): a ring of at most `capacity` items, default 200,000.
 * Example: `const b = createLiveBuffer<string>({ capacity: 2 }); b.push('a'); b.push('b'); b.push('c');`
 * then `b.toArray()` is ['b', 'c'] and `b.overflowed()` is 1.
 */
export function createLiveBuffer<T>(options: { capacity?: number } = {}): LiveBuffer<T> {
  const capacity = Math.max(1, Math.floor(options.capacity ?? DEFAULT_LIVE_CAPACITY));
  let items: T[] = [];
  let start = 0;
  let overflow = 0;
  let isPaused = false;
  let unseen = 0;
  let version = 0;

  const bump = (): void => {
    if (!isPaused) version += 1;
  };
  return {
    push: (item) => {
      if (items.length < capacity) items.push(item);
      else {
        items[start] = item;
        start = (start + 1) % capacity;
        overflow += 1;
      }
      if (isPaused) unseen += 1;
      bump();
    },
    toArray: () => items.slice(start).concat(items.slice(0, start)),
    size: () => items.length,
    overflowed: () => overflow,
    clear: () => {
      items = [];
      start = 0;
      overflow = 0;
      unseen = 0;
      version += 1;
    },
    pause: () => {
      isPaused = true;
    },
    resume: () => {
      isPaused = false;
      unseen = 0;
      version += 1;
    },
    isPaused: () => isPaused,
    unseen: () => unseen,
    version: () => version,
  };
}
