// The rules we hold ourselves to (docs/decisions/0025-lint-and-format.md). Formatting is Prettier's job, not ESLint's.
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Only files that import the database may reach it; rendering code asks src/server's capabilities instead.
const noDatabase = {
  paths: [
    {
      name: "@/server/db/client",
      message: "Pages and UI do not touch the database: call a function in src/server/<capability> (its default is the app's client).",
    },
  ],
  patterns: [
    {
      group: ["@/server/db/*", "@/server/db/generated/*"],
      message: "Pages and UI do not touch the database or its generated types: go through src/server/<capability>.",
    },
    { regex: "(^|/)server/db(/|$)", message: "Pages and UI do not touch the database: go through src/server/<capability>." },
  ],
};

// One import style: across folders with `@/` (which is src/), `./x` only for a file beside this one or below it.
const noClimbing = { regex: "^\\.\\./", message: "Import across folders with `@/…` (src/); relative paths only for files beside this one (`./x`)." };
// Outside src/ (tests, scripts, the root's files) `@/` still names src/; `../support/x` inside tests is fine.
const noRelativeIntoSrc = { regex: "^(\\./|(\\.\\./)+)src/", message: "Import from src/ with `@/…`, not by a relative path." };

export default defineConfig([
  globalIgnores([".next/", ".data/", "src/server/db/generated/", "test-results/", "playwright-report/", "next-env.d.ts"]),
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      // A promise nobody awaits loses its error (an unhandled rejection) and its ordering; `void` with a reason when that is meant.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      // `x!` says "trust me"; narrow with a check that fails loudly instead.
      "@typescript-eslint/no-non-null-assertion": "error",
      "no-restricted-imports": ["error", { patterns: [noRelativeIntoSrc] }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "no-restricted-imports": ["error", { patterns: [noClimbing] }],
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: noDatabase.paths, patterns: [noClimbing, ...noDatabase.patterns] }] },
  },
  {
    // app/ has no alias of its own: its pages reach their folder's server actions by `../actions`.
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: noDatabase.paths, patterns: [noRelativeIntoSrc, ...noDatabase.patterns] }] },
  },
  {
    // Loaded by Next's config loader, which does not read tsconfig's paths.
    files: ["next.config.ts"],
    rules: { "no-restricted-imports": "off" },
  },
]);
