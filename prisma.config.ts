import { defineConfig } from "prisma/config";

// The CLI is used here only for generate/validate/format; migrations run through
// scripts/db (Prisma's WebAssembly schema engine), see docs/decisions/0002-migrations-offline.md.
export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
