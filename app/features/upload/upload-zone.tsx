import { useEffect, useId, useRef, useState } from 'react';
import { carriesFiles, filesOfDrop, skippedNotice } from './dropped-files';

interface UploadZoneProps {
  /** Reads the files; says which were left out as already loaded. */
  readonly onFiles: (files: File[]) => { readonly skipped: readonly string[] };
}

/**
 * File picker and drop target, one labelled control: "Upload log files". The whole page takes a drop of files, with
 * an overlay that says so: dropped anywhere but here, the browser opened the file in place of the dashboard and
 * everything loaded was gone.
 */
export function UploadZone({ onFiles }: UploadZoneProps) {
  const inputId = useId();
  const [isOver, setIsOver] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const onFilesRef = useRef(onFiles);
  useEffect(() => {
    onFilesRef.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    // Entering a child fires before leaving its parent: the drag has left the page when the count is back to 0.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth += 1;
      setIsOver(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setIsOver(false);
    };
    const drop = (event: DragEvent) => {
      if (event.dataTransfer === null || !carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth = 0;
      setIsOver(false);
      const { files, folders } = filesOfDrop(event.dataTransfer);
      setNotice(skippedNotice(folders, files.length > 0 ? onFilesRef.current(files).skipped : []));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div className={`dropzone${isOver ? ' is-over' : ''}`} data-testid="dropzone">
      <input
        id={inputId}
        type="file"
        multiple
        className="sr-only"
        aria-label="Upload log files"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          setNotice(skippedNotice(0, files.length > 0 ? onFiles(files).skipped : []));
          event.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="btn btn-primary">
        Upload log files
      </label>
      <span className="hint">
        or drop them anywhere on the page: NDJSON, text logs, Claude Code transcripts (.jsonl), HAR, raw HTTP dumps, .gz
      </span>
      {notice ? (
        <span role="status" className="hint">
          {notice}
        </span>
      ) : null}
      {isOver ? (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div className="drop-overlay-message">
            <strong>Drop to read these logs</strong>
            <span>They are read here, in your browser, and added to what is loaded.</span>
          </div>
        </div>
      ) : null}
    </div>
  );
}
