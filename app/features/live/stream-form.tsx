import { useId, useState, type FormEvent } from 'react';
import type { StreamKind } from '../../core/stream';
import { KIND_LABELS, guessStreamKind } from '../../ingest/streams';

interface StreamFormProps {
  /**
   * Returns what to tell the user (why the URL was refused, or what was taken out of it) and, when it connects,
   * the URL it connects to, which the field then shows: a token typed in it does not stay on screen.
   */
  readonly onConnect: (url: string, kind: StreamKind) => { readonly message: string | null; readonly connected: string | null };
  /** The stream read now, and how it is read, or null. */
  readonly connected?: { readonly url: string | null; readonly kind: StreamKind | 'demo' } | null;
}

const KINDS = Object.keys(KIND_LABELS) as StreamKind[];

/**
 * "Stream URL" + kind (guessed from the URL until the user picks one) + Connect. `demo` needs no server. One stream is
 * read at a time: while one is, the form says that another URL replaces it, and its button is "Switch" (the URL read
 * now, still in the field, is "Connected": a Connect there read as a second stream, or a reconnect).
 */
export function StreamForm({ onConnect, connected = null }: StreamFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<StreamKind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const kind = picked ?? guessStreamKind(text.trim());
  const isCurrent = connected !== null && text.trim() === connected.url && (connected.kind === 'demo' || kind === connected.kind);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    const { message, connected } = onConnect(text.trim(), kind);
    setProblem(message);
    if (connected !== null && connected !== text.trim()) setText(connected);
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Connect a live stream">
      <label htmlFor={`${id}-url`}>Stream URL</label>
      <input
        id={`${id}-url`}
        type="text"
        className="input"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://host/events, wss://host/logs or demo"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
      />
      {problem !== null ? <p role="alert" className="small">{problem}</p> : null}
      <div className="row">
        <label htmlFor={`${id}-kind`} className="small">Read as</label>
        <select id={`${id}-kind`} className="stream-kind" value={kind} onChange={(event) => setPicked(event.target.value as StreamKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>{KIND_LABELS[k]}</option>
          ))}
        </select>
        <button type="submit" className="btn" disabled={text.trim() === '' || isCurrent}>
          {connected === null ? 'Connect' : isCurrent ? 'Connected' : 'Switch'}
        </button>
      </div>
      {connected !== null ? <p className="small muted">One stream is read at a time: Switch reads the URL above in place of the one connected.</p> : null}
      <p className="small muted">Passwords and tokens (user:password@, token=, api_key=…) are taken out of a stream URL: they never go into the page’s URL, and the stream is read without them.</p>
    </form>
  );
}
