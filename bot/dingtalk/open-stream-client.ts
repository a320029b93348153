// One Stream-mode connection through the official SDK (dingtalk-stream 2.1.5), with its own
// reconnect switched off: that reconnect waits a fixed second, fires on both error and close,
// never destroys the old socket and leaves bots offline after days (dingtalk-stream-sdk-nodejs
// issues #13, #16, #18), so keep-stream-connected.ts owns the connection's life instead. This
// file only opens one connection and reports what happens on it.
import { DWClient, type DWClientDownStream } from 'dingtalk-stream';
import type WebSocket from 'ws';
import { TOPIC_CARD, TOPIC_ROBOT } from './receive-push.js';

export interface StreamHooks {
  /** Any frame from the server, or a pong to our ping: the socket is alive. */
  onAlive(): void;
  /** The server announced it will close this connection (Stream 模式协议 → disconnect). */
  onDisconnectFrame(): void;
  /** A robot message or card click; acked already. */
  onCallback(frame: DWClientDownStream): void;
  /** The socket closed, for whatever reason. */
  onClose(): void;
}

export interface StreamClient {
  ping(): void;
  /** Destroys the socket at once (no close handshake with a peer that may be gone). */
  destroy(): void;
}

/** The SDK's socket is private; reaching it is the only way to destroy it (issue #18). */
type WithSocket = { socket?: WebSocket };

class OwnedDWClient extends DWClient {
  constructor(
    options: ConstructorParameters<typeof DWClient>[0],
    private readonly hooks: StreamHooks,
  ) {
    super(options);
  }

  override onDownStream(data: string): void {
    this.hooks.onAlive();
    super.onDownStream(data);
  }

  override onSystem(frame: DWClientDownStream): void {
    super.onSystem(frame);
    if (frame.headers.topic === 'disconnect') this.hooks.onDisconnectFrame();
  }
}

/** Resolves once the WebSocket is open; rejects when the gateway or the socket fails first. */
export async function openStreamClient(credentials: { clientId: string; clientSecret: string }, hooks: StreamHooks): Promise<StreamClient> {
  const options = {
    ...credentials,
    // Not in the constructor's declared type, but read from the merged config (client.mjs).
    autoReconnect: false,
    keepAlive: false,
    // Our own list, so the SDK's shared default (an EVENT `*` subscription) is not mutated.
    subscriptions: [
      { type: 'CALLBACK', topic: TOPIC_ROBOT },
      { type: 'CALLBACK', topic: TOPIC_CARD },
    ],
  };
  const client = new OwnedDWClient(options, hooks);
  for (const topic of [TOPIC_ROBOT, TOPIC_CARD]) {
    client.registerCallbackListener(topic, (frame: DWClientDownStream) => {
      // Ack at once: DingTalk redelivers a push not acked in time, and recording it is quick
      // but not instant (the SDK's own docs: socketCallBackResponse 避免服务端重试).
      client.socketCallBackResponse(frame.headers.messageId, {});
      hooks.onCallback(frame);
    });
  }
  await client.getEndpoint();
  await client._connect();
  const socket = (client as unknown as WithSocket).socket;
  if (!socket) throw new Error('dingtalk-stream opened no socket');
  socket.on('pong', () => hooks.onAlive());
  socket.once('close', () => hooks.onClose());
  return {
    ping: () => {
      if (socket.readyState === socket.OPEN) socket.ping();
    },
    destroy: () => {
      client.disconnect();
      socket.terminate();
    },
  };
}
