// A file a person sent the robot (1:1 chats only): its downloadCode is exchanged for a short-lived URL
// (DingTalk docs, 下载机器人接收消息的文件内容: POST /v1.0/robot/messageFiles/download {downloadCode, robotCode}
// → {downloadUrl}), which is read without the token. A file over `maxBytes` is not read to its end: its size is what the
// bot needs to refuse it.
import { describeRequestFailure } from '../transport/describe-request-failure.js';
import type { DingtalkApi } from './create-dingtalk-api.js';
import { DingtalkTransportError } from './dingtalk-api-error.js';

const TIMEOUT_MS = 30_000;

export async function downloadMessageFile(
  api: DingtalkApi,
  robotCode: string,
  downloadCode: string,
  maxBytes: number,
): Promise<{ size: number; bytes: Buffer | null }> {
  const { downloadUrl } = await api.call<{ downloadUrl?: string }>('POST', '/v1.0/robot/messageFiles/download', { downloadCode, robotCode });
  if (!downloadUrl) throw new DingtalkTransportError('messageFiles/download', 'not_json', 'no downloadUrl');
  let response: Response;
  try {
    response = await fetch(downloadUrl, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    // A streamed download stays on fetch (the API transport reads whole text answers); fetch puts the socket's error on `cause`.
    const { kind, detail } = describeRequestFailure((error as { cause?: unknown }).cause ?? error, TIMEOUT_MS);
    throw new DingtalkTransportError('messageFiles download', kind, detail);
  }
  if (!response.ok || !response.body) throw new DingtalkTransportError('messageFiles download', 'http', `status ${response.status}`, response.status);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > maxBytes) break;
    chunks.push(Buffer.from(chunk));
  }
  if (size > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    return { size: Number.isFinite(declared) ? declared : size, bytes: null };
  }
  return { size, bytes: Buffer.concat(chunks) };
}
