import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's native schema engine cannot be downloaded on our machines, so migrations run
// through its official WebAssembly build. Its glue module imports the .wasm as an ES module,
// which Node 20 only allows behind a flag, so we instantiate the .wasm ourselves.
const require = createRequire(import.meta.url);
let bindingsPromise: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

let lastPanic = "";
// The wasm glue reports a Rust panic's message through this global before throwing.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    lastPanic = message;
  },
};
export const lastSchemaEnginePanic = () => lastPanic;

async function loadBindings() {
  const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(/* webpackIgnore: true */ glue);
  const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg as typeof import("@prisma/schema-engine-wasm");
}

export const noFilters = { externalTables: [], externalEnums: [] };

export async function openSchemaEngine(databaseUrl: string, schemaText: string): Promise<{ engine: SchemaEngine; close: () => Promise<void> }> {
  bindingsPromise ??= loadBindings();
  const { SchemaEngine } = await bindingsPromise;
  // Keep every adapter the engine opens, so closing releases their connections.
  const opened: { dispose: () => Promise<void> }[] = [];
  const pg = new PrismaPg({ connectionString: databaseUrl });
  const tracked = Object.assign(Object.create(Object.getPrototypeOf(pg)), pg, {
    connect: async () => {
      const adapter = await pg.connect();
      opened.push(adapter);
      return adapter;
    },
  });
  const factory = bindMigrationAwareSqlAdapterFactory(tracked);
  const log: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schemaText]] }, (line: string) => log.push(line), factory);
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.map((a) => a.dispose()));
    },
  };
}
