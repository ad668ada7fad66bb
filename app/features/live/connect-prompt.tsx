import { SafeText } from '../../shared/safe-text';

interface ConnectPromptProps {
  readonly url: string;
  readonly kindLabel: string;
  readonly onConnect: () => void;
  readonly onDismiss: () => void;
}

/** A link with `stream=` never connects by itself: the full URL is shown and the user decides. */
export function ConnectPrompt({ url, kindLabel, onConnect, onDismiss }: ConnectPromptProps) {
  return (
    <div className="stream-prompt stack" role="group" aria-label="Stream from the link">
      <p className="small">
        This link asks to connect to {/^[AEFHILMNORSX]/.test(kindLabel) ? 'an' : 'a'} {kindLabel} stream. The dashboard connects only when you say so:
      </p>
      <code className="stream-url" data-testid="stream-prompt-url"><SafeText text={url} max={2048} /></code>
      <div className="row">
        <button type="button" className="btn" onClick={onConnect}>Connect</button>
        <button type="button" className="btn btn-small" onClick={onDismiss}>Dismiss</button>
      </div>
    </div>
  );
}
