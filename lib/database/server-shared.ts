import { environment } from "../config";

/**
 * One connection object per server process, kept on globalThis: Next's dev
 * server reloads modules, and each reload would open another set of
 * connections. `tracelens serve` resolves the database (embedded or
 * DATABASE_URL) and hands its URL to the Next server in DATABASE_URL.
 */
export function serverShared<T>(key: string, connect: (url: string) => T): () => T {
  const shared = globalThis as unknown as Record<string, T | undefined>;
  return () => {
    const known = shared[key];
    if (known !== undefined) return known;
    const url = environment().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set: start Tracelens with `npm start` (tracelens serve)");
    return (shared[key] = connect(url));
  };
}
