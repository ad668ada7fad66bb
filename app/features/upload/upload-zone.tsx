import { useId, useState, type DragEvent } from 'react';

interface UploadZoneProps {
  readonly onFiles: (files: File[]) => void;
}

/** Drop zone and file picker, one labelled control: "Upload log files". */
export function UploadZone({ onFiles }: UploadZoneProps) {
  const inputId = useId();
  const [isOver, setIsOver] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsOver(false);
    const items = Array.from(event.dataTransfer.items ?? []);
    const folders = items.filter((item) => item.webkitGetAsEntry?.()?.isDirectory).length;
    const files = Array.from(event.dataTransfer.files).filter((_, index) => !items[index]?.webkitGetAsEntry?.()?.isDirectory);
    setNotice(folders > 0 ? `${folders} folder${folders > 1 ? 's' : ''} skipped: drop the log files themselves.` : null);
    if (files.length > 0) onFiles(files);
  }

  return (
    <div
      className={`dropzone${isOver ? ' is-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={handleDrop}
      data-testid="dropzone"
    >
      <input
        id={inputId}
        type="file"
        multiple
        className="sr-only"
        aria-label="Upload log files"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          if (files.length > 0) onFiles(files);
          event.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="btn btn-primary">
        Upload log files
      </label>
      <span className="hint">
        or drop them here: NDJSON, text logs, Claude Code transcripts (.jsonl), HAR, raw HTTP dumps, .gz
      </span>
      {notice ? (
        <span role="status" className="hint">
          {notice}
        </span>
      ) : null}
    </div>
  );
}
