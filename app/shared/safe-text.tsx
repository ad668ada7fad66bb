import { toDisplayText } from '../core/text/display-text';

interface SafeTextProps {
  /** Untrusted text (log content, file names, URL parameters). Rendered as text, never as HTML. */
  readonly text: string;
  /** Longest text shown before truncation, in graphemes. */
  readonly max?: number;
  readonly className?: string;
  /** Keep line breaks (for a raw record in a <pre>); other controls are still made visible. */
  readonly multiline?: boolean;
  /** The whole text as a tooltip even when it fits `max`: for a cell that CSS cuts to its width. */
  readonly tooltip?: boolean;
}

/**
 * The one way log-derived text reaches the screen: React text children (never HTML), bidi-isolated so
 * right-to-left overrides cannot reorder the page, with control characters made visible.
 */
export function SafeText({ text, max = 400, className, multiline = false, tooltip = false }: SafeTextProps) {
  const { shown, truncated } = toDisplayText(text, max, multiline);
  const title = truncated ? toDisplayText(text, 4000).shown : tooltip && shown !== '' ? shown : undefined;
  return (
    <bdi className={className} title={title}>
      {shown}
      {truncated ? '…' : null}
    </bdi>
  );
}
