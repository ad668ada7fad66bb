/**
 * One SSE frame. Data is split on every line end (CR, LF, CRLF) into `data:` lines, so a lone CR inside a
 * log line cannot break the framing (the client then reads it as LF). Ids and names never hold line ends.
 * formatSseFrame({ event: 'line', id: '0:12', data: 'x' }) -> 'event: line\nid: 0:12\ndata: x\n\n'
 */
export function formatSseFrame(frame: { event?: string; id?: string | null; data: string }): string {
  let text = '';
  if (frame.event !== undefined) text += `event: ${oneLine(frame.event)}\n`;
  if (frame.id !== undefined && frame.id !== null) text += `id: ${oneLine(frame.id)}\n`;
  for (const line of frame.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, ' ').replaceAll('\u0000', ' ');
}
