// One HTTP request to a platform's server API (WeCom, DingTalk), over a keep-alive agent shared by
// every call: node:http(s) with a kept-alive socket costs a fraction of global fetch's CPU per call
// (BENCHMARKS.md "Claims and history; platform calls"). Failures are thrown as node:http raises
// them, with a timeout marked for describe-request-failure.ts.
import http from 'node:http';
import https from 'node:https';

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  /** A JSON text, or a multipart form (file uploads), which sets its own content type. */
  body?: string | FormData;
  timeoutMs: number;
}

export interface ApiAnswer {
  status: number;
  contentType: string;
  text: string;
}

// Bounded: the outbox sends to 16 recipients at once (bot/outbox/send-pending.ts); a request beyond
// the bound waits for a free socket within its own timeout. An idle socket closes after 4 s, as
// fetch's does, well before a server's own idle timeout could close it under a new request.
const agentOptions = { keepAlive: true, maxSockets: 32, timeout: 4_000 };
const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

export async function requestPlatformApi(url: URL, { method, headers = {}, body, timeoutMs }: ApiRequest): Promise<ApiAnswer> {
  const { contentType, bytes } = await encode(body);
  const outgoing = { ...headers, ...(contentType ? { 'content-type': contentType } : {}), ...(bytes ? { 'content-length': String(bytes.length) } : {}) };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let connected = false;
    const request = client.request(url, { method, headers: outgoing, agent: agents[url.protocol as keyof typeof agents] }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? '', text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    // A kept-alive socket is connected already; a new one once its connect event fires.
    request.on('socket', (socket) => {
      if (socket.connecting) socket.once('connect', () => (connected = true));
      else connected = true;
    });
    const timer = setTimeout(
      () =>
        request.destroy(
          connected
            ? Object.assign(new Error(`no answer after ${timeoutMs} ms`), { name: 'TimeoutError' })
            : Object.assign(new Error('connect timed out'), { code: 'CONNECT_TIMEOUT' }),
        ),
      timeoutMs,
    );
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(bytes);
  });
}

/** A JSON text as UTF-8 (its content type is the caller's); a form as multipart with its boundary. */
async function encode(body: ApiRequest['body']): Promise<{ contentType?: string; bytes?: Buffer }> {
  if (body === undefined) return {};
  if (typeof body === 'string') return { bytes: Buffer.from(body) };
  const multipart = new Response(body);
  return { contentType: multipart.headers.get('content-type') ?? undefined, bytes: Buffer.from(await multipart.arrayBuffer()) };
}
