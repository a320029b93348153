// How long to wait before the next try of a temporary failure: exponential in the number of
// tries, with jitter so that rows failed together (a WeCom outage) do not all retry together.
const BASE_MS = 2_000;
const CAP_MS = 15 * 60_000;

/** `attempts` is the number of tries made so far (1 after the first). Half fixed, half random. */
export function computeBackoff(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
