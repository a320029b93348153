// The 看板's static files at /kanban/static/<name>, read once at start: web/static/ (styles, page
// scripts), ECharts from node_modules (no CDN: county networks may not reach one), and the one
// dingtalk-jsapi call 免登 needs, bundled on first use with esbuild (tsx's) since the package ships
// CommonJS modules only, not a browser file.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));
const types: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

export interface StaticFile {
  type: string;
  body: Buffer;
  /** The body gzipped once at start, for browsers that accept it: ECharts is 1.1 MB as it is, about a third of that gzipped. */
  gzipped: Buffer;
}

const staticFile = (type: string, body: Buffer): StaticFile => ({ type, body, gzipped: gzipSync(body) });

export function createStaticFiles(): (name: string) => Promise<StaticFile | null> {
  const files = new Map<string, StaticFile>();
  for (const name of readdirSync(STATIC_DIR))
    files.set(name, staticFile(types[extname(name)] ?? 'application/octet-stream', readFileSync(join(STATIC_DIR, name))));
  files.set('echarts.min.js', staticFile(types['.js']!, readFileSync(require.resolve('echarts/dist/echarts.min.js'))));
  let dingtalk: Promise<StaticFile> | null = null;
  return async (name) => {
    if (name === 'dingtalk-jsapi.js') return (dingtalk ??= bundleDingtalkAuth());
    return files.get(name) ?? null;
  };
}

async function bundleDingtalkAuth(): Promise<StaticFile> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: "import requestAuthCode from 'dingtalk-jsapi/api/runtime/permission/requestAuthCode'; window.ddRequestAuthCode = requestAuthCode;",
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    platform: 'browser',
    logLevel: 'silent',
  });
  return staticFile(types['.js']!, Buffer.from(result.outputFiles[0]!.contents));
}
