// Runs a transaction again when it failed for a transient reason (is-transient-error.ts), a few
// times with a short random wait, before the error counts.
import { isTransientError } from './is-transient-error.js';

const TRIES = 4;

export async function withRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= TRIES || !isTransientError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50 * attempt));
    }
  }
}
