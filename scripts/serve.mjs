// The HTTP server `npm start` runs: Next's production handler behind Node's own http server, so the
// app can learn which address actually connected (Next's server keeps a client's X-Forwarded-For
// and loses the socket's address). Plain JavaScript, so it runs without a TypeScript loader; for
// the same reason it reads no configuration itself: scripts/start.ts validates it and passes the port.
import http from "node:http";
import next from "next";

// Must match PEER_HEADER in src/server/client-ip.ts.
const PEER_HEADER = "x-attest-peer";
const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port < 1) {
  console.error("[attest] Usage: node scripts/serve.mjs <port> (npm start runs it)");
  process.exit(1);
}
const hostname = "localhost";

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer(async (req, res) => {
  // Whatever a client sent under this name is replaced: only the socket says who connected.
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  try {
    await handle(req, res);
  } catch (e) {
    console.error(`[attest] Failed to handle ${req.method} ${req.url}:`, e);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
});
server.on("error", (e) => {
  console.error(`[attest] The HTTP server failed: ${e.message}`);
  process.exit(1);
});
server.listen(port, () => console.log(`[attest] Listening on port ${port} (pid ${process.pid})`));

const close = () => {
  server.close();
  server.closeAllConnections();
  app.close().finally(() => process.exit(0));
};
process.once("SIGTERM", close);
process.once("SIGINT", close);
