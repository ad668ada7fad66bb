import { CATEGORY_LABELS, VERDICT_LABELS } from '../../core/catalog/labels';
import { linksFor } from '../../core/catalog/links';
import type { CatalogEntry, Language } from '../../core/catalog/types';
import { SafeText } from '../../shared/safe-text';
import { httpStatusBadge, type HttpStatusBadgeInput } from './http-status-badge';

export interface GuidanceCardProps {
  readonly entry: CatalogEntry | null;
  readonly code: string | null;
  /** The status the record carried (null when none): the catalog's usual one is labelled as such, never as this. */
  readonly http: number | null;
  readonly message: string | null;
  readonly language: Language | null;
  readonly requestId: string | null;
  readonly headingLevel?: 'h3' | 'h4';
}

/**
 * What an error is and what to do about it. Links come only from the catalog entry (an allowlist of the
 * provider's pages), never from the message, which is shown as text.
 */
export function GuidanceCard({ entry, code, http, message, language, requestId, headingLevel = 'h3' }: GuidanceCardProps) {
  const Heading = headingLevel;
  if (!entry) {
    return (
      <article className="guidance is-uncatalogued" aria-label={`Uncatalogued error ${code ?? 'without a code'}`}>
        <Heading>
          <span className="code">{code ? <SafeText text={code} max={40} /> : 'No code'}</span> · Not in the Z.ai catalog
        </Heading>
        <div className="meta">
          <HttpStatus observed={http} usual={null} />
        </div>
        {message ? <div className="message"><SafeText text={message} max={300} /></div> : null}
        <p className="small">
          An error without a known Z.ai business code: check the HTTP status and the message. It is counted as an uncatalogued
          error, never dropped.
        </p>
      </article>
    );
  }
  return (
    <article className="guidance" aria-label={`Error ${entry.code}: ${entry.title}`}>
      <Heading>
        <span className="code">{entry.code}</span> · {entry.title}
      </Heading>
      <div className="meta">
        <span>
          <span className="cat-dot" style={{ background: `var(--cat-${entry.category})` }} />
          {CATEGORY_LABELS[entry.category]}
        </span>
        <HttpStatus observed={http} usual={entry.http} usualInferred={entry.httpInferred} />
        <span className={`verdict verdict-${entry.verdict}`}>{VERDICT_LABELS[entry.verdict]}</span>
        {entry.origin === 'added' ? <span className="pill" title="Not in the catalog as first published">added later</span> : null}
      </div>
      {message ? (
        <div className="message">
          <SafeText text={message} max={300} />
        </div>
      ) : null}
      <p>
        <GuidanceText text={entry.guidance} />
      </p>
      <div className="row small">
        {linksFor(entry, language).map((link) => (
          <a key={link.href} href={link.href} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        ))}
        {requestId ? (
          <span className="muted">
            request id <code><SafeText text={requestId} max={64} /></code>
          </span>
        ) : null}
      </div>
    </article>
  );
}

/** The status pill: the observed status, or the catalog's usual one drawn apart (dashed) and worded as usual. */
function HttpStatus(props: HttpStatusBadgeInput) {
  const badge = httpStatusBadge(props);
  if (badge === null) return null;
  return (
    <span className={badge.isUsualOnly ? 'pill http-usual' : 'pill'} title={badge.title}>
      {badge.text}
    </span>
  );
}

/** Catalog guidance (trusted text, never log text) marks code with backticks: `glm-4.6`. */
function GuidanceText({ text }: { readonly text: string }) {
  return (
    <>
      {text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}
    </>
  );
}
