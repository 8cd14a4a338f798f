/** An OAI-PMH datestamp (UTC, to the second) for a change made at `now`, never earlier than the previous one. */
export function datestampAt(now: Date, notBefore: string | undefined): string {
  const stamp = `${now.toISOString().slice(0, 19)}Z`;
  return notBefore && notBefore > stamp ? notBefore : stamp;
}
