import { useEffect, useId, useRef, useState } from 'react';
import { carriesFiles, filesOfDrop, skippedNotice } from './dropped-files';

/** With no drag event for this long, the files are no longer dragged over the page (browsers send dragover every 50–350 ms). */
const DRAG_IDLE_MS = 1000;

interface UploadZoneProps {
  /** Reads the files; says which were left out as already loaded. */
  readonly onFiles: (files: File[]) => { readonly skipped: readonly string[] };
}

/**
 * File picker and drop target, one labelled control: "Open log files". The whole page takes a drop of files, with
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
    // Entering a child fires before leaving its parent: the drag has left the page when the count is back to 0. An
    // element redrawn during the drag (a chart, a row) never says it was left, so the overlay also goes once the
    // drag events stop (they come every few hundred ms while files are held over the page).
    let depth = 0;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const hide = () => {
      depth = 0;
      clearTimeout(idle);
      setIsOver(false);
    };
    const show = () => {
      clearTimeout(idle);
      idle = setTimeout(hide, DRAG_IDLE_MS);
      setIsOver(true);
    };
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth += 1;
      show();
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      show();
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) hide();
    };
    const drop = (event: DragEvent) => {
      if (event.dataTransfer === null || !carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      hide();
      const { files, folders } = filesOfDrop(event.dataTransfer);
      setNotice(skippedNotice(folders, files.length > 0 ? onFilesRef.current(files).skipped : []));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      clearTimeout(idle);
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
        aria-label="Open log files"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          setNotice(skippedNotice(0, files.length > 0 ? onFiles(files).skipped : []));
          event.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="btn btn-primary">
        Open log files
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
