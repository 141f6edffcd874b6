// Starts an upload that never ends, as a server would mid-request, so a test can kill it.
import { Readable } from "node:stream";
import { receiveToTemp } from "@/server/storage/disk";

const endless = new Readable({
  read() {
    setTimeout(() => this.push(Buffer.alloc(64 * 1024, 1)), 5);
  },
});
await receiveToTemp(endless, 10 * 1024 ** 3);
