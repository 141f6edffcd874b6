#!/bin/sh
# Placeholder for PRISMA_SCHEMA_ENGINE_BINARY: prisma generate/validate/format need the path
# to exist but never run it. Migrations use the WebAssembly engine (scripts/db).
echo "The native Prisma schema engine is not used by Attest; see scripts/db." >&2
exit 1
