import { toDisplayText } from './display-text';

interface SafeTextProps {
  /** Untrusted text (log content, file names, URL parameters). Rendered as text, never as HTML. */
  readonly text: string;
  /** Longest text shown before truncation, in graphemes. */
  readonly max?: number;
  readonly className?: string;
  /** Keep line breaks (for a raw record in a <pre>); other controls are still made visible. */
  readonly multiline?: boolean;
}

/**
 * The one way log-derived text reaches the screen: React text children (never HTML), bidi-isolated so
 * right-to-left overrides cannot reorder the page, with control characters made visible.
 */
export function SafeText({ text, max = 400, className, multiline = false }: SafeTextProps) {
  const { shown, truncated } = toDisplayText(text, max, multiline);
  return (
    <bdi className={className} title={truncated ? toDisplayText(text, 4000).shown : undefined}>
      {shown}
      {truncated ? '…' : null}
    </bdi>
  );
}
