// Database errors that another try will likely not meet again: a serialization failure or
// deadlock between instances (40001, 40P01), a unique key another instance took first (23505 —
// the retry then sees its row), or a dropped connection. PostgreSQL error codes: Appendix A.
const TRANSIENT_CODES = ['40001', '40P01', '23505', '57P01', '08006', '08003', '08000'];
const PRISMA_CODES = ['P2002', 'P2034', 'P1001', 'P1017'];

export function isTransientError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (TRANSIENT_CODES.includes(code) || PRISMA_CODES.includes(code))) return true;
    if (
      typeof message === 'string' &&
      /could not serialize|deadlock detected|duplicate key value|Unique constraint|Connection terminated|ECONNRESET|ECONNREFUSED/i.test(message)
    )
      return true;
  }
  return false;
}
