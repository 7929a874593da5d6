// The baseline: a bare node:http server answering every request with a small fixed HTML page.
// Usage: node bench/bare-server.mjs PORT
import { createServer } from 'node:http';

const body = '<!doctype html><html lang="en"><head><title>bare</title></head><body><p>Hello from node:http.</p></body></html>';
const port = Number(process.argv[2] ?? 0);
createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body));
}).listen(port, '127.0.0.1', function () {
  process.stdout.write(`listening ${this.address().port}\n`);
});
