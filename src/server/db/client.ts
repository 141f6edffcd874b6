import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { configuredDatabase } from "@/server/env";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createDb(databaseUrl: string): Db {
  // Transactions may wait on a row lock or the audit chain's lock behind others: give them time
  // rather than fail a user's request on a busy machine.
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 }),
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
}

const holder = globalThis as { attestDb?: Db };

const scoped = new AsyncLocalStorage<Db>();

function appClient(): Db {
  if (!holder.attestDb) {
    const url = configuredDatabase()?.url;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides it.");
    holder.attestDb = createDb(url);
  }
  return holder.attestDb;
}

/**
 * The app's client, made on first use from DATABASE_URL (or the one given to useDb). Server
 * functions use it by default, so routes and pages never pass a client along.
 */
export const db: Db = new Proxy({} as Db, {
  get(_, key) {
    const client = scoped.getStore() ?? appClient();
    const value = Reflect.get(client, key, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** Lets tests and scripts point the app's functions at a database of their own. */
export function useDb(client: Db): void {
  holder.attestDb = client;
}

/** Runs work with the app's functions on another client: start-up's demo data as the owner, a test's counting client. */
export function withDb<T>(client: Db, work: () => Promise<T>): Promise<T> {
  return scoped.run(client, work);
}
