import { useEffect, useId, useRef, useState } from 'react';
import { FOLDER_LIMITS } from '../../core/folders/folder-bounds';
import { folderNotice } from '../../core/folders/folder-notice';
import { carriesFiles, filesOfDrop, joinNotices, skippedNotice } from './dropped-files';
import { filesOfFolderPick, readDroppedFolders } from './folder-files';
import { SafeText } from '../../shared/safe-text';
import { UploadNotices } from './upload-notices';

/** With no drag event for this long, the files are no longer dragged over the page (browsers send dragover every 50–350 ms). */
const DRAG_IDLE_MS = 1000;

/** Makes a file input pick a folder, with every file under it (`webkitdirectory` is no attribute React types). */
const asFolderPicker = (input: HTMLInputElement | null) => {
  if (input) input.webkitdirectory = true;
};

interface UploadZoneProps {
  /** Reads the files; says which were left out as already loaded. */
  readonly onFiles: (files: File[]) => { readonly skipped: readonly string[] };
}

/**
 * File and folder pickers ("Open log files", "Open a folder") and drop target. The whole page takes a drop of files
 * or folders, with an overlay that says so: dropped anywhere but here, the browser opened the file in place of the
 * dashboard and everything loaded was gone. A folder is read within FOLDER_LIMITS, and what it left out is said.
 */
export function UploadZone({ onFiles }: UploadZoneProps) {
  const inputId = useId();
  const folderInputId = useId();
  const [isOver, setIsOver] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // One book for drops and picks: a pick made while a dropped folder is walked keeps the drop's words.
  const [notices] = useState(() => new UploadNotices(setNotice));
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
      // Entries are taken now: the browser empties the items once this handler returns. The walk comes after.
      const { files, folders } = filesOfDrop(event.dataTransfer);
      const skipped = files.length > 0 ? onFilesRef.current(files).skipped : [];
      if (folders.length === 0) {
        notices.say(skippedNotice(skipped));
        return;
      }
      const ended = notices.beginWalk(folders.map((folder) => `${folder.name}/`).join(', '));
      readDroppedFolders({ folders }).then(
        (found) => {
          const more = found.files.length > 0 ? onFilesRef.current(found.files).skipped : [];
          ended(joinNotices(folderNotice(found.tallies), skippedNotice([...skipped, ...more])));
        },
        (error: unknown) => ended(`The folder could not be read: ${error instanceof Error ? error.message : String(error)}`),
      );
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
  }, [notices]);

  return (
    <div className={`dropzone${isOver ? ' is-over' : ''}`} data-testid="dropzone">
      <div className="row dropzone-actions">
        <input
          id={inputId}
          type="file"
          multiple
          className="sr-only"
          aria-label="Open log files"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            notices.say(skippedNotice(files.length > 0 ? onFiles(files).skipped : []));
            event.target.value = '';
          }}
        />
        <label htmlFor={inputId} className="btn btn-primary">
          Open log files
        </label>
        <input
          id={folderInputId}
          type="file"
          multiple
          ref={asFolderPicker}
          className="sr-only"
          aria-label="Open a folder"
          onChange={(event) => {
            const picked = Array.from(event.target.files ?? []);
            const { files, tallies } = filesOfFolderPick(picked);
            const skipped = files.length > 0 ? onFiles(files).skipped : [];
            notices.say(picked.length === 0 ? 'The folder picked holds no files.' : joinNotices(folderNotice(tallies), skippedNotice(skipped)));
            event.target.value = '';
          }}
        />
        <label htmlFor={folderInputId} className="btn">
          Open a folder
        </label>
      </div>
      <span className="hint">
        or drop files or folders anywhere on the page: NDJSON, text logs, Claude Code transcripts (.jsonl), HAR, raw HTTP dumps, .gz
      </span>
      <span className="hint">
        A folder is read {FOLDER_LIMITS.depth} levels deep, {FOLDER_LIMITS.files} files at most (the first by path); hidden files and folders are skipped.
      </span>
      {notice ? (
        <span role="status" className="hint upload-notice">
          {/* File and folder names are the user's disk's: a bidi override in one must not reorder the words. */}
          <SafeText text={notice} max={2000} />
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
