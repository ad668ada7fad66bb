/**
 * UTF-8 length of decoded text, counted per UTF-16 code unit so that the sum over any split of a string
 * equals the length of the whole (a surrogate pair counts 2 + 2 = 4 bytes even when a chunk cuts it).
 * utf8Length('é€😀') -> 2 + 3 + 4 = 9
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff)) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
