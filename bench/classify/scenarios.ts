/** A deterministic pseudo-random source, so two runs generate the same trace. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  token(length: number): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let text = "";
    for (let i = 0; i < length; i++) text += alphabet[this.int(alphabet.length)];
    return text;
  }

  uuid(): string {
    const hex = () => this.int(0x10000).toString(16).padStart(4, "0");
    return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
  }
}

/** What happened to a generated call, and so which cause the engine should find. */
export type Outcome =
  | "ok"
  | "missing_credential"
  | "malformed_credential"
  | "invalid_expired_revoked"
  | "no_resource_access"
  | "invalid_unspecified"
  | "unknown"
  | "rejected_without_response";

/** Most calls pass; the rejections are a mix of all six causes. */
const OUTCOME_WEIGHTS: Array<[Outcome, number]> = [
  ["ok", 70],
  ["invalid_expired_revoked", 8],
  ["no_resource_access", 6],
  ["missing_credential", 5],
  ["invalid_unspecified", 4],
  ["malformed_credential", 3],
  ["unknown", 3],
  ["rejected_without_response", 1],
];

export type Credential = { location: "header" | "query" | "cookie"; name: string; label: string; value: string };
export type TraceEntry = { offsetMs: number; level: string; message: string };

export type GeneratedCall = {
  ref: string;
  time: number;
  method: string;
  uri: string;
  api: string;
  app: string;
  ip: string;
  credentials: Credential[];
  trace: TraceEntry[];
  response: { status: number; body: string; durationMs: number } | null;
  outcome: Outcome;
};

const APIS = [
  { api: "Payments", uris: ["/payments/v2/charges", "/payments/v2/refunds", "/payments/v2/charges/{id}"] },
  { api: "Orders", uris: ["/orders/v3/orders", "/orders/v3/orders/{id}", "/orders/v3/carts"] },
  { api: "Accounts", uris: ["/accounts/v1/balances", "/accounts/v1/statements"] },
  { api: "Users", uris: ["/users/v1/me", "/users/v1/preferences"] },
  { api: "Fundos", uris: ["/feed/fundos/v2/fundos", "/feed/fundos/v2/cotas"] },
];
const APPS = ["Mobile App", "Partner Portal", "Back-office", "Web Checkout", "Batch Reconciler"];
const METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE"];
const OTHER_STEPS = ["Rate Limit", "Spike Arrest", "Log", "CORS"];

/** The gateway's credential schemes: which interceptor checks which credential, where. */
const SCHEMES = [
  { interceptor: "OAuth", credential: { location: "header", name: "access_token", label: "Access token" } },
  { interceptor: "Access Token Validation", credential: { location: "header", name: "access_token", label: "Access Token" } },
  { interceptor: "Client ID Validation", credential: { location: "header", name: "client_id", label: "Client Id" } },
  { interceptor: "JWT Validation", credential: { location: "query", name: "apikey", label: "X-Api-Key" } },
  { interceptor: "Time Token Validation", credential: { location: "cookie", name: "session_token", label: "Session Token" } },
] as const;

export class CallFactory {
  /** Real clients reuse a token for many calls. */
  private readonly tokens: string[];
  private clock = Date.UTC(2026, 10, 20, 14, 0, 0);

  constructor(private readonly random: Random) {
    this.tokens = Array.from({ length: 3000 }, () => random.token(22 + random.int(20)));
  }

  next(): GeneratedCall {
    const random = this.random;
    this.clock += random.int(4);
    const { api, uris } = random.pick(APIS);
    const scheme = random.pick(SCHEMES);
    const outcome = this.outcome();
    const value = outcome === "malformed_credential" ? `${random.pick(this.tokens)}${random.pick([" \n", "\n", " ", "\t"])}` : random.pick(this.tokens);
    const credential: Credential = { ...scheme.credential, value };
    const carried = outcome === "missing_credential" ? [] : [credential];
    return {
      ref: random.uuid(),
      time: this.clock,
      method: random.pick(METHODS),
      uri: random.pick(uris).replace("{id}", String(random.int(100000))),
      api,
      app: random.pick(APPS),
      ip: `10.0.${random.int(256)}.${random.int(256)}`,
      credentials: carried,
      trace: this.trace(scheme.interceptor, credential, outcome),
      response: this.response(credential, outcome),
      outcome,
    };
  }

  private outcome(): Outcome {
    let roll = this.random.int(100);
    for (const [outcome, weight] of OUTCOME_WEIGHTS) {
      if (roll < weight) return outcome;
      roll -= weight;
    }
    return "ok";
  }

  private trace(interceptor: string, credential: Credential, outcome: Outcome): TraceEntry[] {
    const random = this.random;
    const where = `${credential.location === "query" ? "QUERYPARAM" : credential.location.toUpperCase()} ${credential.name}`;
    const entries: TraceEntry[] = [
      { offsetMs: 1, level: "DEBUG", message: `Running interceptor: ${random.pick(OTHER_STEPS)}` },
      { offsetMs: 1, level: "DEBUG", message: `Running interceptor: ${interceptor}` },
    ];
    if (outcome === "invalid_expired_revoked" || outcome === "malformed_credential" || outcome === "rejected_without_response") {
      entries.push({ offsetMs: 2, level: "WARN", message: `${credential.label} in ${where} HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call` });
    } else if (outcome === "no_resource_access") {
      entries.push({ offsetMs: 2, level: "WARN", message: `${credential.label} in ${where} DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call` });
    } else if (outcome === "ok") {
      entries.push({ offsetMs: 2, level: "DEBUG", message: `Interceptor ${interceptor} accepted the call` });
      entries.push({ offsetMs: 3, level: "DEBUG", message: `Routing to backend http://backend-${random.int(8)}.internal:8080` });
    }
    return entries;
  }

  private response(credential: Credential, outcome: Outcome): GeneratedCall["response"] {
    const where = `${credential.location === "query" ? "QUERYPARAM" : credential.location.toUpperCase()} ${credential.name}`;
    const durationMs = 2 + this.random.int(300);
    const invalid = `${credential.label} in the request, identified by ${where}, is invalid. Check docs.sensedia.com`;
    switch (outcome) {
      case "ok":
        return { status: 200, body: `{"id":${this.random.int(1_000_000)},"status":"ok"}`, durationMs };
      case "missing_credential":
        return { status: 401, body: `Could not find a required ${credential.label} in the request, identified by ${where}`, durationMs };
      case "unknown":
        return { status: 401, body: '{"error":"Unauthorized"}', durationMs };
      case "rejected_without_response":
        return null;
      default:
        return { status: 401, body: invalid, durationMs };
    }
  }
}
