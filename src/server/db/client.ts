import { PrismaPg } from "@prisma/adapter-pg";
import { configuredDatabase } from "../env";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createDb(databaseUrl: string): Db {
  // Transactions may wait on a row lock or the audit chain's lock behind others: give them time
  // rather than fail a user's request on a busy machine.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 }), transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
}

const holder = globalThis as { attestDb?: Db };

/** The app's client, made once per process from DATABASE_URL. */
export function db(): Db {
  if (!holder.attestDb) {
    const url = configuredDatabase()?.url;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it.");
    holder.attestDb = createDb(url);
  }
  return holder.attestDb;
}

/** Lets tests and scripts point the app's functions at a database of their own. */
export function useDb(client: Db): void {
  holder.attestDb = client;
}
