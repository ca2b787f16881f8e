/** The gateway's token-validation interceptors (spec 4.1), as reported. */
export const INTERCEPTORS = [
  "OAuth",
  "Access Token Validation",
  "JWT Validation",
  "Client ID Validation",
  "CSRF Validation",
  "Time Token Validation",
  "Digital Signature",
] as const;

type Interceptor = (typeof INTERCEPTORS)[number];

const BY_SPELLING = new Map<string, Interceptor>(INTERCEPTORS.map((name) => [spelling(name), name]));
const NAMED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${INTERCEPTORS.map((name) => name.split(" ").join(String.raw`\s+`)).join("|")})(?![\p{L}\p{N}])`,
  "giu",
);
/** Every name holds one of these: most lines are spared the full pattern. */
export const MAY_NAME = /oauth|validation|signature/i;

/** The last interceptor a trace line names (`Running interceptor: OAuth`, `[JWT Validation] ...`), if any. */
export function lastInterceptorNamed(message: string): Interceptor | null {
  if (!MAY_NAME.test(message)) return null;
  let last: Interceptor | null = null;
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(message); m !== null; m = NAMED.exec(message)) last = interceptorSpelled(m[1] ?? "") ?? last;
  return last;
}

const AS_REPORTED = new Map<string, Interceptor>(INTERCEPTORS.map((name) => [name, name]));
/** The interceptor a name stands for in any case and spacing (`oauth`, `JWT  validation`), as a trace line may write it. */
export const interceptorSpelled = (written: string): Interceptor | undefined => AS_REPORTED.get(written) ?? BY_SPELLING.get(spelling(written));

function spelling(name: string): string {
  return name.toLowerCase().replace(/\s+/g, " ");
}
