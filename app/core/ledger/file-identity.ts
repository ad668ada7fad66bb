/** What tells two picks of the same file apart from two files: its name, size and modification time. */
export interface FileIdentity {
  /** The file's name without its folder, as a browser's File gives it. */
  readonly name: string;
  readonly size: number;
  /** Milliseconds since the epoch, whole. */
  readonly lastModified: number;
}

/** fileKeyOf({ name: 'app.log', size: 120, lastModified: 1795132800000 }) -> 'app.log\n120\n1795132800000' */
export function fileKeyOf(file: FileIdentity): string {
  return `${file.name}\n${file.size}\n${file.lastModified}`;
}

/**
 * The stated rule against double counting: a file already among the sources (same name, size and modification
 * time) is not read a second time, nor one given twice in one drop; it is read again once its source is removed.
 * A file that changed since (a log that grew) is another file. Returns what to read and the names left out.
 */
export function withoutLoadedFiles<F extends FileIdentity>(files: readonly F[], sources: readonly { readonly fileKey?: string | undefined }[]): { files: F[]; skipped: string[] } {
  const loaded = new Set(sources.flatMap((s) => (s.fileKey === undefined ? [] : [s.fileKey])));
  const kept: F[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const key = fileKeyOf(file);
    if (loaded.has(key)) skipped.push(file.name);
    else {
      loaded.add(key);
      kept.push(file);
    }
  }
  return { files: kept, skipped };
}
