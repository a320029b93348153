// Starts the HTTP server on HOST:PORT and resolves once it listens. A port another process holds
// or an address this machine does not have is an operator's setting to fix, so it rejects with a
// ConfigError (one line at start-up, exit 1), not with Node's stack.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import { ConfigError } from './config.js';

export interface Listening {
  server: Server;
  /** The address actually bound, e.g. `http://127.0.0.1:3000` (PORT=0 gets a free port). */
  url: string;
}

export function listen(app: Koa, port: number, host: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen({ port, host });
    server.once('error', (error: NodeJS.ErrnoException) => {
      server.close();
      reject(explain(error, port, host));
    });
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({ server, url: `http://${shown}:${address.port}` });
    });
  });
}

function explain(error: NodeJS.ErrnoException, port: number, host: string): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigError(`PORT ${port} is already in use on ${host} — stop the other process or set PORT to a free port`);
    case 'EACCES':
      return new ConfigError(`PORT ${port} needs privileges this process does not have — set PORT to 1024 or above`);
    case 'EADDRNOTAVAIL':
      return new ConfigError(`HOST ${host} is not an address of this machine — use 127.0.0.1, 0.0.0.0 or one of its addresses`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError(`HOST ${host} does not resolve to an address — use an IP address`);
    default:
      return error;
  }
}
