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
