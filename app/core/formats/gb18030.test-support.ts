/**
 * Encodes text as GB18030 for tests (no runtime encodes it): the two-byte table, read back through the decoder,
 * covers ASCII and the Chinese of the provider's messages. Throws on a character outside it.
 */
let table: Map<string, readonly number[]> | null = null;

export function encodeGb18030(text: string): Uint8Array<ArrayBuffer> {
  if (table === null) {
    table = new Map();
    const decoder = new TextDecoder('gb18030', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue;
        try {
          const char = decoder.decode(Uint8Array.of(lead, trail));
          if (!table.has(char)) table.set(char, [lead, trail]);
        } catch {
          // Not a character in GB18030's two-byte range.
        }
      }
    }
  }
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(char);
      if (bytes === undefined) throw new Error(`no two-byte GB18030 for ${char}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
