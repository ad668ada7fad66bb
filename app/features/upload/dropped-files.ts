/** What a drop's DataTransfer gives that matters here (a test passes plain objects). */
export interface DroppedData {
  readonly types: ArrayLike<string>;
  readonly files: ArrayLike<File>;
  readonly items?: ArrayLike<{ webkitGetAsEntry?: () => { readonly isDirectory: boolean } | null }>;
}

/** Whether a drag carries files (not text or a link dragged from the page or another tab). */
export function carriesFiles(data: Pick<DroppedData, 'types'> | null): boolean {
  return data !== null && Array.from(data.types).includes('Files');
}

/**
 * The files of a drop, folders left out (a browser gives a dropped folder as a File it cannot read), and how many
 * folders there were. filesOfDrop({ types: ['Files'], files: [a, dir], items: [fileItem, dirItem] }) -> { files: [a], folders: 1 }
 */
export function filesOfDrop(data: DroppedData): { files: File[]; folders: number } {
  const items = Array.from(data.items ?? []);
  const isFolder = (index: number) => items[index]?.webkitGetAsEntry?.()?.isDirectory === true;
  const all = Array.from(data.files);
  const files = all.filter((_, index) => !isFolder(index));
  return { files, folders: all.length - files.length };
}

/**
 * What the upload box says after a drop or a pick: what was not read, and why (A27: a folder dropped).
 * skippedNotice(1, ['app.log']) -> '1 folder skipped: … app.log is already loaded, so not read twice: …'
 */
export function skippedNotice(folders: number, skipped: readonly string[]): string | null {
  const parts: string[] = [];
  if (folders > 0) parts.push(`${folders} folder${folders > 1 ? 's' : ''} skipped: drop the log files themselves.`);
  if (skipped.length > 0) {
    const names = skipped.length <= 3 ? skipped.join(', ') : `${skipped.slice(0, 3).join(', ')} and ${skipped.length - 3} more`;
    parts.push(`${names} ${skipped.length === 1 ? 'is' : 'are'} already loaded, so not read twice: remove ${skipped.length === 1 ? 'it' : 'them'} to read again.`);
  }
  return parts.length === 0 ? null : parts.join(' ');
}
