// A local stand-in for DingTalk's Stream gateway (Stream 模式协议): `POST
// /v1.0/gateway/connections/open` (nocked; the SDK calls the fixed host) hands out
// ws://127.0.0.1:<port>, where a `ws` server pushes frames shaped as DingTalk sends them and
// records what the client answers.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import nock from 'nock';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Reply {
  code: number;
  headers: { messageId: string; topic?: string };
  data: string;
}

export async function startFakeGateway() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const connections: { socket: WebSocket; ticket: string | null; closed: boolean }[] = [];
  const replies: Reply[] = [];
  const opened: unknown[] = [];
  let tickets = 0;

  server.on('connection', (socket, request) => {
    const connection = { socket, ticket: new URL(request.url ?? '/', url).searchParams.get('ticket'), closed: false };
    connections.push(connection);
    socket.on('message', (data) => replies.push(JSON.parse(String(data)) as Reply));
    socket.on('close', () => (connection.closed = true));
  });

  /** Answers the SDK's gateway call; `fail` answers that many calls with 500 first. */
  function serveGateway({ fail = 0 } = {}) {
    // Separate scopes: persist() applies to a whole scope.
    if (fail > 0)
      nock('https://api.dingtalk.com').post('/v1.0/gateway/connections/open').times(fail).reply(500, { code: 'ServiceUnavailable', message: 'busy' });
    nock('https://api.dingtalk.com')
      .post('/v1.0/gateway/connections/open', (body) => (opened.push(body), true))
      .reply(200, () => ({ endpoint: url, ticket: `ticket-${++tickets}` }))
      .persist();
  }

  function latest() {
    const open = connections.filter((connection) => !connection.closed);
    const connection = open[open.length - 1];
    if (!connection) throw new Error('no open connection');
    return connection.socket;
  }

  function frame(type: 'CALLBACK' | 'SYSTEM', topic: string, messageId: string, data: unknown) {
    return JSON.stringify({
      specVersion: '1.0',
      type,
      headers: { appId: 'a1b2c3', connectionId: `conn-${connections.length}`, contentType: 'application/json', messageId, time: String(Date.now()), topic },
      data: JSON.stringify(data),
    });
  }

  return {
    url,
    connections,
    replies,
    opened,
    serveGateway,
    push(topic: string, messageId: string, data: unknown) {
      latest().send(frame('CALLBACK', topic, messageId, data));
    },
    ping(messageId: string) {
      latest().send(frame('SYSTEM', 'ping', messageId, { opaque: 'c1f0a2' }));
    },
    /** The server's notice before it closes a connection (e.g. for a gateway upgrade). */
    disconnect() {
      latest().send(frame('SYSTEM', 'disconnect', `disconnect-${connections.length}`, { reason: 'gateway upgrade' }));
    },
    /** Drops the newest connection without a close handshake, as a failing network does. */
    drop() {
      latest().terminate();
    },
    /** Makes the newest connection silent: the server stops reading (so no pongs) and sending. */
    silence() {
      (latest() as unknown as { _socket: Socket })._socket.pause();
    },
    async close() {
      for (const { socket } of connections) socket.terminate();
      server.close();
    },
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
