// How pg_dump and pg_restore are pointed at DATABASE_URL: the password goes in the environment, not on
// the command line that `ps` shows, and Prisma's own `schema` parameter, which libpq refuses, is dropped.
export function pgToolTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  target.searchParams.delete('schema');
  return { dbname: `--dbname=${target.toString()}`, env: { ...process.env, ...(password && { PGPASSWORD: password }) } };
}
