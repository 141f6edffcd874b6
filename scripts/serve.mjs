// The HTTP server `npm start` runs: Next's production handler behind Node's own http server, so the
// app can learn which address actually connected (Next's server keeps a client's X-Forwarded-For
// and loses the socket's address). Plain JavaScript, so it runs without a TypeScript loader; for
// the same reason it reads no configuration itself: scripts/start.ts validates it and passes the port.
import cluster from "node:cluster";
import http from "node:http";
import next from "next";

// Must match PEER_HEADER in src/server/client-ip.ts.
const PEER_HEADER = "x-attest-peer";
const port = Number(process.argv[2]);
const instances = Number(process.argv[3] ?? 1);
if (!Number.isInteger(port) || port < 1 || !Number.isInteger(instances) || instances < 1) {
  console.error("[attest] Usage: node scripts/serve.mjs <port> [instances] (npm start runs it)");
  process.exit(1);
}
if (cluster.isPrimary && instances > 1) await superviseInstances();
else await serve();

// Several instances (docs/decisions/0030): identical, stateless processes sharing the port through
// node:cluster, as several machines would share a load balancer. They hold nothing of their own, so
// one that dies takes the others down with it and the supervisor (npm start) sees the failure.
async function superviseInstances() {
  let stopping = false;
  const workers = Array.from({ length: instances }, () => cluster.fork());
  const running = () => workers.filter((w) => !w.isDead());
  const stopAll = (code) => {
    stopping = true;
    for (const w of running()) w.process.kill("SIGTERM");
    const exitWhenDone = () => (running().length ? setTimeout(exitWhenDone, 50) : process.exit(code));
    exitWhenDone();
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (code === 0 && !signal) return stopAll(0); // an instance stopped as asked (Ctrl-C reaches every process)
    console.error(
      `[attest] An app instance (pid ${worker.process.pid}) ${signal ? `was killed by ${signal}` : `exited with code ${code}`}; stopping the others.`,
    );
    stopAll(1);
  });
  process.once("SIGTERM", () => stopAll(0));
  process.once("SIGINT", () => stopAll(0));
}

async function serve() {
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
  // An instance whose supervisor is gone (killed outright) stops rather than hold the port.
  if (cluster.isWorker) process.once("disconnect", close);
}
