import { describe, expect, it } from 'vitest';
import { RECORD_FLAGS } from '../classify/outcome';
import {
  CATEGORY_TABLE, categoryIdOf, CLASS_FIELDS, FAMILY_TABLE, familyIdOf, fromFlagBits, LANGUAGES, languageIdOf, packClasses, toFlagBits, VERDICT_TABLE, verdictIdOf,
  WINDOW_TABLE, windowIdOf,
} from './ids';

describe('packed classes', () => {
  it('give each table room for its every id, none for 0 included, in 16 bits', () => {
    const tables = { category: CATEGORY_TABLE, verdict: VERDICT_TABLE, family: FAMILY_TABLE, quotaWindow: WINDOW_TABLE, language: LANGUAGES };
    for (const [name, table] of Object.entries(tables)) {
      expect(table.length, name).toBeLessThan(2 ** CLASS_FIELDS[name as keyof typeof tables].bits);
    }
    const fields = Object.values(CLASS_FIELDS).sort((a, b) => a.shift - b.shift);
    fields.forEach((field, k) => expect(field.shift).toBe(k === 0 ? 0 : (fields[k - 1]?.shift ?? 0) + (fields[k - 1]?.bits ?? 0)));
    expect((fields.at(-1)?.shift ?? 0) + (fields.at(-1)?.bits ?? 0)).toBeLessThanOrEqual(16);
  });

  it('read back every combination of ids as packed', () => {
    for (let category = 0; category <= CATEGORY_TABLE.length; category += 1)
      for (let verdict = 0; verdict <= VERDICT_TABLE.length; verdict += 1)
        for (let family = 0; family <= FAMILY_TABLE.length; family += 1)
          for (let window = 0; window <= WINDOW_TABLE.length; window += 1)
            for (let language = 0; language <= LANGUAGES.length; language += 1) {
              const classes = packClasses(category, verdict, family, window, language);
              expect([categoryIdOf(classes), verdictIdOf(classes), familyIdOf(classes), windowIdOf(classes), languageIdOf(classes)]).toEqual([category, verdict, family, window, language]);
            }
  });
});

describe('flag bits', () => {
  it('give every record flag a bit of the 16-bit flags column, read back as set', () => {
    expect(RECORD_FLAGS.length).toBeLessThanOrEqual(16);
    for (const flag of RECORD_FLAGS) expect(fromFlagBits(toFlagBits([flag]))).toEqual([flag]);
    expect(fromFlagBits(toFlagBits(['duplicate_key_last_wins', 'timestamp_missing']))).toEqual(['timestamp_missing', 'duplicate_key_last_wins']);
  });
});
