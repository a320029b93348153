// Speaks to a running bot's local chat (bot/local/local-chat-routes.ts) as `npm run chat` does, and
// keeps what it delivers from the server-sent events stream, to wait for a reply.
import type { LocalDelivery } from '../../bot/local/local-messenger.js';

export interface LocalChatClient {
  say(as: string, text: string): Promise<void>;
  /** Waits for the next delivery to `to` whose text matches, after those already seen. */
  reply(to: string, pattern: RegExp, timeoutMs?: number): Promise<string>;
  close(): void;
}

export async function connectLocalChat(base: string): Promise<LocalChatClient> {
  const deliveries: LocalDelivery[] = [];
  const used = new Set<number>();
  const abort = new AbortController();
  const stream = await fetch(`${base}/local/messages`, { signal: abort.signal });
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.startsWith('data: ')) deliveries.push(JSON.parse(event.slice(6)) as LocalDelivery);
        }
      }
    } catch {
      // closed by close()
    }
  })();
  return {
    async say(as, text) {
      const response = await fetch(`${base}/local/say`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ as, text }),
      });
      if (response.status !== 202) throw new Error(`say failed: ${response.status}`);
    },
    async reply(to, pattern, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const index = deliveries.findIndex((delivery, i) => !used.has(i) && delivery.recipient === to && pattern.test(delivery.text));
        if (index >= 0) {
          used.add(index);
          return deliveries[index]!.text;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no reply to ${to} matching ${pattern} within ${timeoutMs} ms; got: ${JSON.stringify(deliveries.map((d) => d.text.slice(0, 80)))}`);
    },
    close: () => abort.abort(),
  };
}
