import { CATALOG } from '../catalog/catalog';
import type { CatalogEntry, Language } from '../catalog/types';
import { literalWeight, normalizeText } from './normalize-text';

/**
 * Catalog templates compiled for matching: the literal text between `${placeholders}`, normalised like
 * messages. A template matches when its segments occur in order (indexOf, no regex, so no ReDoS); a
 * placeholder matches any text. Longer literal text (weight) wins, so 1312's full sentence beats the
 * 1305 sentence it starts with.
 */
export interface CompiledTemplate {
  readonly entry: CatalogEntry;
  readonly template: string;
  readonly language: Language;
  /** Normalised literal segments, in order, never empty. */
  readonly segments: readonly string[];
  /** Placeholder names before segment i (index i) and after the last one (index segments.length). */
  readonly gaps: readonly (readonly string[])[];
  readonly weight: number;
  /** Short generic wordings ("Internal Error") count only as a whole message in an error context. */
  readonly generic: boolean;
  /** True for the first sentence of a longer template, matched when the rest was cut off. */
  readonly lead: boolean;
}

/** Below this weight a wording is too generic to identify a Z.ai error on its own. */
export const GENERIC_WEIGHT = 24;

const PLACEHOLDER = /\$\{(\w+)\}/;
const TRAILING_PUNCTUATION = /[\s.!,;:]+$/;

/** compileTemplate(entry1214, 'Invalid ${field} parameter.') -> segments ['invalid', 'parameter'], gaps [[], ['field'], []] */
export function compileTemplate(entry: CatalogEntry, template: string, lead = false): CompiledTemplate | null {
  const parts = template.split(PLACEHOLDER);
  const segments: string[] = [];
  const gaps: string[][] = [[]];
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      gaps[gaps.length - 1]?.push(part);
      return;
    }
    let literal = normalizeText(part).text;
    if (i === parts.length - 1) literal = literal.replace(TRAILING_PUNCTUATION, '');
    literal = literal.trim();
    if (literal === '') return;
    segments.push(literal);
    gaps.push([]);
  });
  if (segments.length === 0) return null;
  const weight = segments.reduce((sum, s) => sum + literalWeight(s), 0);
  const language: Language = /[\u3400-\u9fff]/.test(template) ? 'zh' : 'en';
  return { entry, template, language, segments, gaps, weight, generic: weight < GENERIC_WEIGHT, lead };
}

/** The first sentence of a multi-sentence template, when it is specific enough to stand alone. */
function leadSentence(template: string): string | null {
  const m = /^(.+?)(?:\. |。)/.exec(template);
  const lead = m?.[1];
  if (lead === undefined) return null;
  return literalWeight(lead.replace(/\$\{\w+\}/g, '')) >= GENERIC_WEIGHT * 1.25 ? lead : null;
}

function compileEntry(entry: CatalogEntry): CompiledTemplate[] {
  const compiled: CompiledTemplate[] = [];
  for (const template of [entry.english, ...entry.newerEnglish, ...entry.chinese]) {
    const full = compileTemplate(entry, template);
    if (full !== null) compiled.push(full);
    const lead = leadSentence(template);
    const leadCompiled = lead === null ? null : compileTemplate(entry, lead, true);
    if (leadCompiled !== null) compiled.push(leadCompiled);
  }
  return compiled;
}

/**
 * A lead sentence shared with another code's wording ("Usage limit reached for the past 5 hours" opens
 * 1316, 1318 and 1320) cannot tell codes apart, so it is dropped.
 */
function isDistinctive(lead: CompiledTemplate, all: readonly CompiledTemplate[]): boolean {
  const needle = lead.segments.join(' ');
  return all.every((t) => t.lead || t.entry.code === lead.entry.code || !t.segments.join(' ').includes(needle));
}

function compileAll(): CompiledTemplate[] {
  const all = CATALOG.flatMap(compileEntry);
  return all.filter((t) => !t.lead || isDistinctive(t, all));
}

/** Every wording of every code, in catalog order. */
export const TEMPLATES: readonly CompiledTemplate[] = compileAll();

/** Per code, its own templates (for the code-versus-message check). */
export const TEMPLATES_BY_CODE: ReadonlyMap<string, readonly CompiledTemplate[]> = new Map(
  CATALOG.map((entry) => [entry.code, TEMPLATES.filter((t) => t.entry === entry)]),
);
