// lib/config's public surface: everything else imports from here, not from its files.
export { environment, EnvironmentError, fingerprintSettings, readEnvironment, type Environment } from "./env";
export { limitHeapGrowth } from "./heap-growth";
export { projectRoot } from "./project-root";
