import { classifyRecord } from '../core/classify/classify';
import { toClassifyOptions } from '../core/classify/classify-options';
import { createIngestPipeline } from '../core/formats/pipeline';
import type { IngestedEvent } from '../core/formats/types';
import type { ClassifyTextResult, EventSummary } from './protocol';

const PREVIEW_EVENTS = 20;


/** Run pasted text through the same pipeline as a file, without storing anything. */
export function classifyText(text: string, providerOffsetMinutes: number): ClassifyTextResult {
  const events: EventSummary[] = [];
  let moreEvents = 0;
  const options = toClassifyOptions({ localOffsetMinutes: null, providerOffsetMinutes });
  const pipeline = createIngestPipeline({
    classify: (record: string) => classifyRecord(record, options),
    onEvent: (event: IngestedEvent) => {
      if (events.length < PREVIEW_EVENTS) events.push(toEventSummary(event));
      else moreEvents += 1;
    },
  });
  pipeline.push(new TextEncoder().encode(text));
  pipeline.finish();
  return { ledger: pipeline.ledger(), events, moreEvents };
}

export function toEventSummary(event: IngestedEvent): EventSummary {
  const { details } = event;
  const reset = details.reset;
  return {
    line: event.line,
    lineCount: event.lineCount,
    code: details.code,
    catalogued: event.entry !== null,
    message: details.message,
    language: details.language,
    http: details.http,
    requestId: details.requestId,
    ts: details.ts,
    window: details.window,
    resetAt: reset?.at ?? null,
    resetRaw: reset?.raw ?? null,
    resetPlausible: reset ? reset.plausible : null,
    resetImplausibleReason: reset?.implausibleReason ?? null,
    resetAssumedOffsetMinutes: reset?.assumedOffsetMinutes ?? null,
    resetDateOnly: reset?.dateOnly ?? false,
    attempts: event.attempts,
    flags: details.flags,
  };
}
