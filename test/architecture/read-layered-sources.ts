// The repository's TypeScript files in the layered folders, as the map checkImportBoundaries reads.
// generated/ is left out: it is the Prisma client, written by `prisma generate`, not by us.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { layers } from './layering-table.js';

export function readLayeredSources(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of layers.flat().filter((name) => name !== 'generated')) {
    if (!existsSync(join(root, folder))) continue;
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const path = join(entry.parentPath, entry.name);
      files.set(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  }
  return files;
}
