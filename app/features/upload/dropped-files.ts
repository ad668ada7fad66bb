import type { WalkEntry } from './folder-files';

/** What a drop's DataTransfer gives that matters here (a test passes plain objects). */
export interface DroppedData {
  readonly types: ArrayLike<string>;
  readonly files: ArrayLike<File>;
  readonly items?: ArrayLike<DroppedItem>;
}

interface DroppedItem {
  /** 'file' or 'string' (a link or text dragged along with files). */
  readonly kind?: string;
  webkitGetAsEntry?: () => WalkEntry | null;
  getAsFile?: () => File | null;
}

/** Whether a drag carries files (not text or a link dragged from the page or another tab). */
export function carriesFiles(data: Pick<DroppedData, 'types'> | null): boolean {
  return data !== null && Array.from(data.types).includes('Files');
}

/**
 * The files of a drop and its folders, as entries to walk (a browser gives a dropped folder as a File it cannot
 * read). Call it in the drop handler itself: once the handler returns, the browser empties the items.
 * filesOfDrop({ types: ['Files'], files: [a, dir], items: [fileItem, dirItem] }) -> { files: [a], folders: [dirEntry] }
 */
export function filesOfDrop(data: DroppedData): { files: File[]; folders: WalkEntry[] } {
  const all = Array.from(data.files);
  const items = Array.from(data.items ?? []).filter((item) => item.kind === undefined || item.kind === 'file');
  if (items.length === 0) return { files: all, folders: [] };
  const files: File[] = [];
  const folders: WalkEntry[] = [];
  items.forEach((item, index) => {
    const entry = item.webkitGetAsEntry?.() ?? null;
    if (entry?.isDirectory === true) folders.push(entry);
    else {
      const file = item.getAsFile?.() ?? all[index] ?? null;
      if (file !== null) files.push(file);
    }
  });
  return { files, folders };
}

/**
 * What the upload box says of the files a drop or a pick left out as already loaded.
 * skippedNotice(['app.log']) -> 'app.log is already loaded, so not read twice: remove it to read again.'
 */
export function skippedNotice(skipped: readonly string[]): string | null {
  if (skipped.length === 0) return null;
  const names = skipped.length <= 3 ? skipped.join(', ') : `${skipped.slice(0, 3).join(', ')} and ${skipped.length - 3} more`;
  return `${names} ${skipped.length === 1 ? 'is' : 'are'} already loaded, so not read twice: remove ${skipped.length === 1 ? 'it' : 'them'} to read again.`;
}

/** The upload box's notice: the folders' sentences (folderNotice), then the files already loaded. */
export function joinNotices(...notices: readonly (string | null)[]): string | null {
  const said = notices.filter((notice) => notice !== null && notice !== '');
  return said.length === 0 ? null : said.join(' ');
}
