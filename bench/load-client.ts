// The load client's own process (forked by bench/load-callbacks.ts): sends the prepared requests
// from a JSON file over `concurrency` keep-alive connections, one request per connection at a time
// (no pipelining), times each answer and reports with its own CPU time, so the client is not
// counted in the server's CPU (issue 20, "How" 6). Requests are serialised to bytes before the
// clock starts and written straight to the socket: node:http's client cost about as much CPU per
// request as a bare Koa route, so it could not saturate one on two cores.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import type { LoadResult, PreparedRequest } from './load-callbacks.js';

const { requests, concurrency } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { requests: PreparedRequest[]; concurrency: number };
const HEADER_END = Buffer.from('\r\n\r\n');

function serialise({ url, body }: PreparedRequest): { host: string; port: number; bytes: Buffer } {
  const { hostname, port, pathname, search } = new URL(url);
  const payload = Buffer.from(body ?? '');
  const head = `${body === undefined ? 'GET' : 'POST'} ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n${
    body === undefined ? '' : `Content-Type: text/xml\r\nContent-Length: ${payload.length}\r\n`
  }\r\n`;
  return { host: hostname, port: Number(port), bytes: Buffer.concat([Buffer.from(head), payload]) };
}

/** One keep-alive connection per server, sending its next request when the answer is complete. */
class Connection {
  private socket: Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: ((status: number) => void) | null = null;
  constructor(host: string, port: number) {
    this.socket = connect(port, host);
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', () => this.fail());
    this.socket.on('close', () => this.fail());
  }
  get closed(): boolean {
    return this.socket.destroyed;
  }
  send(bytes: Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(bytes);
    });
  }
  close(): void {
    this.socket.destroy();
  }
  private fail(): void {
    const done = this.waiting;
    this.waiting = null;
    done?.(0);
  }
  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const end = this.buffered.indexOf(HEADER_END);
    if (end === -1) return;
    const head = this.buffered.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffered.length < end + 4 + length) return;
    this.buffered = this.buffered.subarray(end + 4 + length);
    const done = this.waiting;
    this.waiting = null;
    done?.(Number(head.slice(9, 12)));
  }
}

const prepared = requests.map(serialise);
const latencies: number[] = [];
let failed = 0;
let next = 0;
const connections: Connection[] = [];
const cpuBefore = process.cpuUsage();
const startedAt = Date.now();
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    const open = new Map<string, Connection>();
    for (let index = next++; index < prepared.length; index = next++) {
      const { host, port, bytes } = prepared[index]!;
      const key = `${host}:${port}`;
      let connection = open.get(key);
      if (!connection || connection.closed) (open.set(key, (connection = new Connection(host, port))), connections.push(connection));
      const sent = performance.now();
      const status = await connection.send(bytes);
      latencies.push(performance.now() - sent);
      if (status < 200 || status >= 300) failed += 1;
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
for (const connection of connections) connection.close();
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
const result: LoadResult = {
  startedAt,
  seconds,
  perSecond: requests.length / seconds,
  p50: at(0.5),
  p99: at(0.99),
  failed,
  concurrency,
  clientCpuMs: (cpu.user + cpu.system) / 1000,
};
process.send!(result, () => process.exit(0));
