// Checks a source tree against the layering table (test/architecture/layering-table.ts): every
// import of every kind points down, the faces do not import each other, the domain imports no node:
// module and only the packages it is allowed, and no two files import each other through any chain.
// Takes the files as a map (path from the repository root → text), so a test can plant violations.
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { findImportCycles } from './find-import-cycles.js';
import { domainBuiltinExceptions, domainPackages, innerRules, layerOf, layers } from './layering-table.js';
import { listImports, type ImportEdge } from './list-imports.js';

const order = layers.map((row) => row.join('|')).join(' → ');

/** One line per violation, `file:line (kind) → target: why`; empty when the tree keeps the layering. */
export function checkImportBoundaries(files: ReadonlyMap<string, string>): string[] {
  const violations: string[] = [];
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const targets: string[] = [];
    for (const edge of listImports(file, text)) {
      const at = `${file}:${edge.line} (${edge.kind})`;
      if (edge.specifier === undefined) {
        violations.push(`${at}: an import() of a computed name cannot be checked; name the module`);
      } else if (edge.specifier.startsWith('.')) {
        const target = resolveImport(files, file, edge.specifier);
        targets.push(target);
        const why = whyForbidden(file, target);
        if (why) violations.push(`${at} → ${target}: ${why}`);
      } else {
        const why = whyPackageForbidden(file, edge);
        if (why) violations.push(`${at} → ${edge.specifier}: ${why}`);
      }
    }
    graph.set(
      file,
      targets.filter((target) => files.has(target)),
    );
  }
  for (const cycle of findImportCycles(graph)) violations.push(`import cycle: ${cycle.join(' → ')}`);
  return violations;
}

/** `./x.js` from `a/b.ts` → `a/x.ts`; a folder → its index.ts when the tree has one. */
export function resolveImport(files: ReadonlyMap<string, string>, from: string, specifier: string): string {
  const bare = posix.join(posix.dirname(from), specifier).replace(/\.(js|ts|mjs|mts)$/, '');
  return !files.has(`${bare}.ts`) && files.has(`${bare}/index.ts`) ? `${bare}/index.ts` : `${bare}.ts`;
}

function whyForbidden(file: string, target: string): string | undefined {
  const from = file.split('/')[0]!;
  const to = target.split('/')[0]!;
  const fromLayer = layerOf(from);
  const toLayer = layerOf(to);
  if (!fromLayer) return undefined;
  if (!toLayer) return `${from}/ may import only the layered folders (${order}), not ${to.endsWith('.ts') ? 'a root file' : `${to}/`}`;
  if (from === to) {
    const rule = innerRules.find((inner) => file.startsWith(inner.from));
    if (rule && target.startsWith(`${from}/`) && !rule.mayImport.some((allowed) => target.startsWith(allowed))) {
      return `${rule.from} may import from ${from}/ only ${rule.mayImport.join(', ')}`;
    }
    return undefined;
  }
  if (fromLayer.peers.includes(to) || toLayer.rank > fromLayer.rank) return undefined;
  if (toLayer.rank === fromLayer.rank) return `${from}/ and ${to}/ are faces side by side and never import each other (${order})`;
  return `${from}/ may not import ${to}/: imports point down (${order})`;
}

function whyPackageForbidden(file: string, edge: ImportEdge): string | undefined {
  if (!file.startsWith('domain/')) return undefined;
  const specifier = edge.specifier!;
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) {
    if (domainBuiltinExceptions[file]?.includes(specifier)) return undefined;
    return 'the domain imports no node: module: it does no I/O, its callers pass values in';
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return domainPackages.includes(name) ? undefined : `the domain imports only the packages ${domainPackages.join(', ')}`;
}
