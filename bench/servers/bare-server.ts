// The baseline: node:http answering the same JSON, with the same security headers, as /api/meta.
import { createServer } from 'node:http';

const body = JSON.stringify({ name: 'Sealbridge', version: '0.1.0', dialect: 'sqlite', demo: false });
const headers = JSON.parse(process.env.BENCH_HEADERS ?? '{}') as Record<string, string>;
const server = createServer((req, res) => {
  if (req.url === '/api/meta') {
    res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  } else {
    res.writeHead(404).end();
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
