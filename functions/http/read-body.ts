/**
 * A request body read through a byte limit: a declared `Content-Length` over the limit is refused
 * before reading, and a body without one (chunked) is read only up to the limit, then the stream
 * is cancelled and the request refused with 413. Nothing beyond the limit is ever buffered.
 */
import type { Context } from 'hono';
import { HttpProblem } from './problem.ts';

const tooLarge = (maxBytes: number) => new HttpProblem(413, 'Content Too Large', `The request body is larger than the ${maxBytes} bytes this route reads.`);

export async function readBodyWithin(c: Context, maxBytes: number): Promise<Uint8Array> {
  const declared = c.req.header('Content-Length');
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, length);
}
