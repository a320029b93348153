// Where a server's time went, from the V8 CPU profile it wrote on exit (node --cpu-prof): the
// share of wall time per component (by the script each sampled function belongs to) and per
// stage of the bot (by the nearest bot frame on the sampled stack). Work resumed from a promise
// has no caller on its stack, so a database call shows under its component, not its stage.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export interface ProfileSummary {
  seconds: number;
  /** Component → share of the profiled wall time (0–1), largest first. */
  components: [string, number][];
  /** Stage → share of the profiled wall time (0–1), largest first. */
  stages: [string, number][];
}

const COMPONENTS: [string, (url: string, name: string) => boolean][] = [
  ['idle', (_url, name) => name === '(idle)'],
  ['garbage collection', (_url, name) => name === '(garbage collector)'],
  ['PGlite (embedded PostgreSQL, WASM)', (url) => url.includes('@electric-sql/pglite')],
  ['Prisma runtime and query compiler', (url) => url.includes('@prisma/') || url.includes('/generated/prisma/') || url.includes('pglite-prisma-adapter')],
  ['pg driver', (url) => /node_modules\/(pg|pg-protocol|pg-pool)\//.test(url)],
  ['WeCom verify/decrypt, XML', (url) => url.includes('@wecom/crypto') || url.includes('fast-xml-parser') || url.includes('/bot/wecom/')],
  ['Koa, HTTP, fetch', (url) => /node_modules\/(koa|@koa|undici)/.test(url) || /node:(_)?http|node:internal\/deps\/undici/.test(url)],
  ['logging (pino)', (url) => url.includes('pino')],
  ['handlers and domain', (url) => /\/(handlers|domain)\//.test(url)],
  ['bot loops, inbound, outbox', (url) => /\/bot\//.test(url)],
  ['zod validation', (url) => url.includes('node_modules/zod')],
  ['V8 and native (program)', (_url, name) => name === '(program)' || name === '(root)'],
];

const STAGES: [string, (url: string) => boolean][] = [
  ['callback: verify, decrypt, insert', (url) => url.includes('/bot/wecom/') || url.includes('/bot/server.')],
  ['handler transaction', (url) => /\/(handlers|domain)\//.test(url) || url.includes('/bot/inbound/')],
  ['sending (outbox, WeCom API)', (url) => url.includes('/bot/outbox/')],
  ['timers and schedules', (url) => url.includes('/cron/')],
];

export function summarizeCpuProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const component = new Map<number, string>();
  const stage = new Map<number, string>();
  for (const node of profile.nodes) {
    // WebAssembly (PGlite's engine, Prisma's query compiler) counts for the script that called into it.
    let caller: number | undefined = node.id;
    while (caller !== undefined && byId.get(caller)!.callFrame.url.startsWith('wasm://')) caller = parent.get(caller);
    const { url, functionName } = byId.get(caller ?? node.id)!.callFrame;
    const wasm = node.callFrame.url.startsWith('wasm://');
    component.set(
      node.id,
      COMPONENTS.find(([, test]) => test(url, functionName))?.[0] ??
        (wasm ? 'WebAssembly with no script caller (PGlite or Prisma’s query compiler)' : 'node internals and other'),
    );
    let found = 'no bot frame on the stack (resumed promise, idle, GC)';
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const match = STAGES.find(([, test]) => test(byId.get(id)!.callFrame.url));
      if (match) {
        found = match[0];
        break;
      }
    }
    stage.set(node.id, found);
  }
  const components = new Map<string, number>();
  const stages = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index + 1] ?? 0;
    total += micros;
    components.set(component.get(id)!, (components.get(component.get(id)!) ?? 0) + micros);
    stages.set(stage.get(id)!, (stages.get(stage.get(id)!) ?? 0) + micros);
  });
  const shares = (map: Map<string, number>): [string, number][] =>
    [...map].map(([key, micros]): [string, number] => [key, micros / total]).sort((a, b) => b[1] - a[1]);
  return { seconds: total / 1e6, components: shares(components), stages: shares(stages) };
}
