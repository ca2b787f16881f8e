import type { TraceSink } from "./events";
import type { CredentialScrubber } from "./scrubber";

/**
 * What the readers of the three formats share: the file they read, where
 * their events go, the scrubber that masks them, and how many they made.
 */
export abstract class FormatReader {
  /** Orders a file's events as they were written, also those without a line of their own (nested traces). */
  protected seq = 0;
  eventCount = 0;
  gatewayEventCount = 0;

  constructor(
    protected readonly file: string,
    protected readonly sink: TraceSink,
    protected readonly scrubber: CredentialScrubber,
  ) {}

  abstract line(text: string, lineNumber: number): void;

  /** Hands on what the last lines left pending; called once the input has ended. */
  abstract flush(): void;
}
