/**
 * The size parameter of Image API 2.1 (section 4.2): `full`, `max`, `w,`, `,h`, `pct:n`, `w,h`,
 * `!w,h`, read into the size the 3.0 planner resolves. 2.1 has no `^`: every form but `full` and
 * `max` may enlarge the region (within the declared limits), `full` is the region's own size and
 * `max` the largest within the limits without enlarging.
 */
import { parseSize, type SizeParameter } from '../image-3/parse-size.ts';
import { malformed, type Outcome, ok, quoted } from '../image-3/request-outcome.ts';

const SYNTAX = 'the Image API 2.1 size forms are full, max, w, ,h, pct:n, w,h and !w,h (section 4.2)';

export function parseSize2(raw: string): Outcome<SizeParameter> {
  if (raw === 'full') return ok({ kind: 'percent', percent: 100, upscale: false });
  if (raw === 'max') return ok({ kind: 'max', upscale: false });
  if (raw.startsWith('^') || raw.includes('max')) return malformed(`size ${quoted(raw)}: ${SYNTAX}`);
  const size = parseSize(raw);
  if (!size.ok) return size.status === 400 ? malformed(size.message.replace(/the Image API 3\.0 size forms .*$/, SYNTAX)) : size;
  return ok({ ...size.value, upscale: true });
}
