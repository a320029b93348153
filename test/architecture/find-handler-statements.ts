// Finds the statements a handler makes itself (issue 17 item 2): a Prisma model call (`tx.task.update(`,
// `ctx.tx.call.findMany(`) or raw SQL (`$queryRaw`, `$executeRaw` and their Unsafe forms), in code only —
// comments are left out. Takes the files as a map (path from the repository root → text), so a test can
// plant one; checks the folders of `handlersOnUseCases` (test/architecture/layering-table.ts).
import { handlersNotYetOnUseCases, handlersOnUseCases } from './layering-table.js';

const MODEL_CALL =
  /\.[a-z][A-Za-z]*\.(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy)\s*\(/;
const RAW_SQL = /\$(queryRaw|executeRaw)(Unsafe)?\b/;

/** The folder a handler file is listed under: `handlers/` for the files directly in it. */
export function handlerFolderOf(file: string): string | undefined {
  const match = /^handlers\/(?:([^/]+)\/)?[^/]+\.ts$/.exec(file) ?? /^handlers\/([^/]+)\//.exec(file);
  if (!match) return undefined;
  return match[1] === undefined ? 'handlers/' : `handlers/${match[1]}/`;
}

/** Each statement in a handler file of `folders`, as `file:line: <the line>`. */
export function findHandlerStatements(files: ReadonlyMap<string, string>, folders: readonly string[] = handlersOnUseCases): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    const folder = handlerFolderOf(file);
    if (folder === undefined || !folders.includes(folder)) continue;
    withoutComments(text)
      .split('\n')
      .forEach((line, index) => {
        if (MODEL_CALL.test(line) || RAW_SQL.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}`);
      });
  }
  return found;
}

/** Handler folders in neither list: a new folder must say whether it is on use cases. */
export function unlistedHandlerFolders(files: ReadonlyMap<string, string>): string[] {
  const listed = new Set([...handlersOnUseCases, ...handlersNotYetOnUseCases]);
  const folders = new Set([...files.keys()].flatMap((file) => handlerFolderOf(file) ?? []));
  return [...folders].filter((folder) => !listed.has(folder)).sort();
}

/** Blanks comments, keeping line numbers. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}
