// The DingTalk transport as bot/main.ts starts it (bot/transport/transport.ts): the messenger the
// outbox delivers through; in Stream mode a connection the transport keeps itself, in HTTP mode
// the callback route; and the contacts for 同步通讯录.
// Interactive cards need their clicks back, which DingTalk sends over Stream (callbackType
// STREAM): in HTTP mode, or without DINGTALK_CARD_TEMPLATE_ID, cards go out as markdown with
// the text commands instead.
import type { DWClientDownStream } from 'dingtalk-stream';
import type { Db } from '../../prisma/open-database.js';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { Receive, Transport } from '../transport/transport.js';
import { AT_RANGE } from '../inbound/at-range.js';
import { claimCallbackSign } from './claim-callback-sign.js';
import { createDingtalkApi } from './create-dingtalk-api.js';
import { createDingtalkWebLogin } from './exchange-dingtalk-code.js';
import { createDingtalkMessenger } from './create-dingtalk-messenger.js';
import { createDingtalkRouter } from './create-dingtalk-router.js';
import { downloadMessageFile } from './download-message-file.js';
import { fetchDingtalkDirectory } from './fetch-dingtalk-directory.js';
import { keepStreamConnected, type KeepConnectedOptions, type StreamConnection } from './keep-stream-connected.js';
import type { DingtalkConfig } from './load-dingtalk-config.js';
import { receivePush } from './receive-push.js';

export interface DingtalkTransportDeps {
  prisma: Db;
  clock: Clock;
  logger: Logger;
  /** Stream timings, for tests. The connection runs on wall-clock time, not the bot's clock. */
  stream?: Pick<KeepConnectedOptions, 'backoff' | 'silentAfterMs' | 'downAlertMs' | 'random' | 'now'>;
}

// `receive` is one database insert; a failure is a database outage, which may pass in seconds.
const RECEIVE_TRIES = 3;
const RECEIVE_RETRY_MS = 1000;

export function createDingtalkTransport(config: DingtalkConfig, deps: DingtalkTransportDeps): Transport {
  const logger = deps.logger.child({ platform: 'dingtalk' });
  const api = createDingtalkApi({ ...config, now: () => deps.clock.now().getTime() });
  const cardTemplateId = config.mode === 'stream' ? config.cardTemplateId : undefined;
  if (config.cardTemplateId && !cardTemplateId) logger.info('DINGTALK_CARD_TEMPLATE_ID is ignored in http mode: card clicks arrive only over Stream');
  const messenger = createDingtalkMessenger({ api, prisma: deps.prisma, clock: deps.clock, logger, robotCode: config.robotCode, cardTemplateId });
  let connection: StreamConnection | null = null;
  const inflight = new Set<Promise<void>>();

  /** The push is acked already: retry a failing `receive` a little, then log it loudly. */
  async function handOver(frame: DWClientDownStream, receive: Receive): Promise<void> {
    let data: unknown;
    try {
      data = JSON.parse(frame.data);
    } catch {
      logger.warn({ topic: frame.headers.topic, messageId: frame.headers.messageId }, 'dingtalk push data is not JSON');
      return;
    }
    // The frame's time stamps a card click; a time no date can hold is the frame's fault, not the click's.
    const time = Number(frame.headers.time);
    const at = time >= AT_RANGE.min && time < AT_RANGE.max ? new Date(time) : deps.clock.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await receivePush({ topic: frame.headers.topic, data, messageId: frame.headers.messageId, at }, receive, logger);
        return;
      } catch (error) {
        if (attempt >= RECEIVE_TRIES) {
          logger.error(
            { topic: frame.headers.topic, messageId: frame.headers.messageId, error: (error as Error).message },
            'dingtalk push acked but not recorded',
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, RECEIVE_RETRY_MS * attempt));
      }
    }
  }

  const transport: Transport = {
    platform: 'dingtalk',
    messenger,
    fetchDirectory: () => fetchDingtalkDirectory(api),
    fetchFile: (download, maxBytes) => downloadMessageFile(api, config.robotCode, download, maxBytes),
  };
  // 免登 needs the corpId the page asks a code for; without DINGTALK_CORP_ID the chat sends a one-time link.
  if (config.corpId) transport.webLogin = createDingtalkWebLogin(api, config.corpId);
  if (config.mode === 'http') {
    transport.routes = (receive) =>
      createDingtalkRouter({
        appSecret: config.clientSecret,
        receive,
        claimSign: (pair) => claimCallbackSign(deps.prisma, pair),
        clock: deps.clock,
        logger,
      });
    return transport;
  }
  transport.start = async (receive) => {
    connection = keepStreamConnected({
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      logger,
      ...deps.stream,
      onPush(frame) {
        const done = handOver(frame, receive).finally(() => inflight.delete(done));
        inflight.add(done);
      },
    });
    connection.start();
  };
  transport.stop = async () => {
    connection?.stop();
    connection = null;
    await Promise.all(inflight);
  };
  transport.health = () => connection?.health() ?? null;
  return transport;
}
