import { LIMITS } from './limits';

/** One parameter (or list item) that was not taken into the view, and why. Rendered as text by the UI. */
export interface DroppedParam {
  readonly param: string;
  readonly value: string;
  readonly reason: string;
}

/** Collects dropped entries, capped; `toList` adds one summary entry for the overflow. */
export interface DropLog {
  readonly add: (param: string, value: string, reason: string) => void;
  readonly toList: () => DroppedParam[];
}

/** Quotes at most `droppedValueChars` characters of a value, with an ellipsis when cut. */
export function clipValue(value: string): string {
  const max = LIMITS.droppedValueChars;
  if (value.length <= max) return value;
  // Avoid cutting a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return `${value.slice(0, end)}…`;
}

export function createDropLog(): DropLog {
  const entries: DroppedParam[] = [];
  let overflow = 0;
  return {
    add: (param, value, reason) => {
      if (entries.length < LIMITS.dropped) entries.push({ param: clipValue(param), value: clipValue(value), reason });
      else overflow += 1;
    },
    toList: () =>
      overflow === 0 ? [...entries] : [...entries, { param: '…', value: '', reason: `${overflow} more invalid values not listed` }],
  };
}
