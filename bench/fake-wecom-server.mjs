// The fake WeCom's HTTP server, in a worker thread of its own so a busy bench or in-process bot
// never delays its answers: errcode 0 to every call; each send is posted to the parent as
// { to, content, at } with the time it arrived.
import { createServer } from 'node:http';
import { parentPort } from 'node:worker_threads';

let msgid = 0;
const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    response.setHeader('content-type', 'application/json');
    if (path === '/cgi-bin/gettoken') return response.end(JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'bench-token', expires_in: 7200 }));
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const content = body.text?.content ?? body.markdown?.content ?? null;
    parentPort.postMessage({ to: body.touser ?? body.chatid ?? '', content, at: Date.now() });
    msgid += 1;
    response.end(JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: `bench-${msgid}`, response_code: `code-${msgid}` }));
  });
});
// Longer than the bot's client keeps an idle connection, so a reused socket is never one just closed here.
server.keepAliveTimeout = 120_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
