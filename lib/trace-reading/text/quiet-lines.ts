import { copyString } from "../../credentials";
import { mayMatterToRules } from "../../rules";
import { traceMessage } from "../trace-message";

/** Longer messages are rarely repeated word for word, and would make the memory large. */
const MAX_KNOWN_LENGTH = 160;
const MAX_KNOWN = 1024;

/**
 * What evidence-only reading keeps of a trace message that rejects nothing:
 * the interceptor it names, if any. Gateways write the same few such messages
 * over and over (`Running interceptor: OAuth`, `Interceptor OAuth accepted
 * the call`), so their answers are remembered, by the message's exact text,
 * instead of running the rules' patterns on every line again.
 */
export class QuietLines {
  private known = new Map<string, string | null>();

  /** The interceptor the message names (null for none), or undefined when the message may reject the call. */
  interceptorOf(message: string): string | null | undefined {
    if (!mayMatterToRules(message)) return null;
    const known = this.known.get(message);
    if (known !== undefined) return known;
    const { verdict, interceptor } = traceMessage(message, "");
    if (verdict !== null) return undefined;
    if (message.length <= MAX_KNOWN_LENGTH) this.remember(message, interceptor);
    return interceptor;
  }

  private remember(message: string, interceptor: string | null): void {
    if (this.known.size >= MAX_KNOWN) this.known = new Map();
    this.known.set(copyString(message), interceptor);
  }
}
