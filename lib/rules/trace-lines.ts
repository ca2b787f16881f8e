import { MAY_BE_TRACE_VERDICT } from "./gateway-messages";
import { MAY_NAME } from "./interceptors";

const MAY_MATTER = new RegExp(`${MAY_NAME.source}|${MAY_BE_TRACE_VERDICT.source}`, "i");

/**
 * False when a trace line can neither name an interceptor nor reject the call,
 * as most lines do: one scan of the line instead of one per rule.
 */
export const mayMatterToRules = (message: string) => MAY_MATTER.test(message);
