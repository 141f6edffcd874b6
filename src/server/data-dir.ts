import path from "node:path";

/** Where Attest keeps local state: the embedded database, stored files, the generated secret. */
export const dataDir = () => path.resolve(process.env.ATTEST_DATA_DIR ?? ".data");
