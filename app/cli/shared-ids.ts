import { REQUEST_ID_MAX } from '../core/store';
import { capString } from '../core/store/string-table';

/** A part's request ids: each with the file it was read from and how many of the part's events hold it. */
export interface SharedIdPart {
  /** The part alone held more than the ids compared: the whole run then compares none. */
  readonly overflowed: boolean;
  readonly entries: ReadonlyArray<readonly [file: string, id: string, events: number]>;
}

export interface SharedIdCount {
  add(file: string, requestId: string): void;
  part(): SharedIdPart;
  addPart(part: SharedIdPart): void;
  /** As the Sources panel's note: ids held by events of two files or more, and per file its events holding one. */
  toJson(): { checked: boolean; ids: number; eventsByFile: Record<string, number> };
}

/**
 * The page's sharedRequestIds for the command line, which keeps no event store: per id, the file of its first
 * event and that file's count, and a count per file only for an id a second file holds too (few are). An id is
 * kept as the page keeps it (cut to REQUEST_ID_MAX characters); past `maxIds` events with an id nothing is
 * compared, as on the page.
 */
export function createSharedIdCount(maxIds: number): SharedIdCount {
  const fileIndex = new Map<string, number>();
  const fileNames: string[] = [];
  /** id -> first file's index * 2^32 + its events there. */
  const single = new Map<string, number>();
  /** id -> events per file index, once two files hold it. */
  const shared = new Map<string, Map<number, number>>();
  let withId = 0;
  let checked = true;

  const indexOf = (file: string): number => {
    let index = fileIndex.get(file);
    if (index === undefined) {
      index = fileNames.push(file) - 1;
      fileIndex.set(file, index);
    }
    return index;
  };
  const overflow = (): void => {
    checked = false;
    single.clear();
    shared.clear();
  };
  const count = (file: string, rawId: string, events: number): void => {
    if (!checked || rawId === '') return;
    withId += events;
    if (withId > maxIds) return overflow();
    const id = capString(rawId, REQUEST_ID_MAX);
    const index = indexOf(file);
    const perFile = shared.get(id);
    if (perFile !== undefined) return void perFile.set(index, (perFile.get(index) ?? 0) + events);
    const packed = single.get(id);
    if (packed === undefined) return void single.set(id, index * 2 ** 32 + events);
    const first = Math.floor(packed / 2 ** 32);
    if (first === index) return void single.set(id, packed + events);
    single.delete(id);
    shared.set(id, new Map([[first, packed - first * 2 ** 32], [index, events]]));
  };

  return {
    add: (file, requestId) => count(file, requestId, 1),
    part: () => {
      const entries: Array<readonly [string, string, number]> = [];
      if (!checked) return { overflowed: true, entries };
      for (const [id, packed] of single) {
        const first = Math.floor(packed / 2 ** 32);
        entries.push([fileNames[first] ?? '', id, packed - first * 2 ** 32]);
      }
      for (const [id, perFile] of shared) for (const [index, events] of perFile) entries.push([fileNames[index] ?? '', id, events]);
      return { overflowed: false, entries };
    },
    addPart: (part) => {
      if (part.overflowed) return overflow();
      for (const [file, id, events] of part.entries) count(file, id, events);
    },
    toJson: () => {
      const eventsByFile: Record<string, number> = {};
      for (const perFile of shared.values()) {
        for (const [index, events] of perFile) eventsByFile[fileNames[index] ?? ''] = (eventsByFile[fileNames[index] ?? ''] ?? 0) + events;
      }
      const ordered = Object.fromEntries(fileNames.flatMap((name) => (eventsByFile[name] === undefined ? [] : [[name, eventsByFile[name]]])));
      return checked ? { checked, ids: shared.size, eventsByFile: ordered } : { checked, ids: 0, eventsByFile: {} };
    },
  };
}
