// The floor: a bare Koa route in its own process, answering "ok" on 127.0.0.1 (port from argv).
import Koa from 'koa';

const app = new Koa();
app.use((ctx) => {
  ctx.body = 'ok';
});
app.listen(Number(process.argv[2]), '127.0.0.1', () => process.send?.('listening'));
