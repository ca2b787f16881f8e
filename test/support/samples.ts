import path from "node:path";

// The shared sample traces (../shared/samples beside the checkout), for every test runner.
export const samplesDir = path.resolve(import.meta.dirname, "../../../shared/samples");
export const SAMPLE_NAMES = ["gateway-trace.log", "gateway-trace.ndjson", "gateway-calls.json"];
export const samplePaths = () => SAMPLE_NAMES.map((name) => path.join(samplesDir, name));

/** Every raw credential value the samples carry: none may ever reach output, storage, a page or an export. */
export const SAMPLE_RAW_CREDENTIALS = ["2YotnFZFEjr1zCsicMWpAA", "f3b1c2d4e5", "9fK2mQ7xL0pR4tV8", "Q1w2E3r4T5", "k-777-abc", "Zx9Yw8Vu7Ts6", "s3cr3t-cookie"];
