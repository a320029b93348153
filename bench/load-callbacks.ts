// Sends pre-built HTTP requests to a server, `concurrency` at a time, and times each answer:
// the callback load of the end-to-end bench and the bare Koa floor use the same client.
export interface LoadResult {
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

export interface PreparedRequest {
  url: string;
  body?: string;
}

export async function sendAll(requests: PreparedRequest[], concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (let index = next++; index < requests.length; index = next++) {
      const request = requests[index]!;
      const sent = performance.now();
      const response = await fetch(request.url, request.body === undefined ? {} : { method: 'POST', body: request.body });
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (!response.ok) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!;
  return { seconds, perSecond: requests.length / seconds, p50: at(0.5), p99: at(0.99), failed };
}
