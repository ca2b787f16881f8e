import { Transform, type Readable } from "node:stream";

const QUIET_FOR_MS = 2_000;

/**
 * Progress of a long ingest on stderr (bytes and calls per second). Silent
 * for short runs; on a terminal it rewrites one line, elsewhere it prints a
 * line every few seconds.
 */
export class ProgressReporter {
  private readonly started = Date.now();
  private file = "";
  private bytes = 0;
  private callCount = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly out: NodeJS.WriteStream) {
    this.timer = setInterval(() => this.print(), out.isTTY ? 500 : 5_000);
    this.timer.unref();
  }

  track(file: string, stream: Readable): Readable {
    this.file = file;
    // Counted in passing; a "data" listener would start the flow before the reader reads.
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.bytes += chunk.length;
        done(null, chunk);
      },
    });
    stream.on("error", (error) => counter.destroy(error));
    // The reader sees the error when it reads (a file that cannot be opened
    // fails before the reader starts); unheard meanwhile, it would end the process.
    counter.on("error", () => undefined);
    // A file known stored before it is read is closed unread: the file with it.
    counter.on("close", () => stream.destroy());
    return stream.pipe(counter);
  }

  readonly calls = (callsSoFar: number): void => {
    this.callCount = callsSoFar;
  };

  done(): void {
    clearInterval(this.timer);
    if (this.out.isTTY && Date.now() - this.started >= QUIET_FOR_MS) this.out.write("\n");
  }

  private print(): void {
    const seconds = (Date.now() - this.started) / 1000;
    if (seconds * 1000 < QUIET_FOR_MS) return;
    const megabytes = this.bytes / 1e6;
    const line =
      `ingest: ${this.file}: ${megabytes.toFixed(1)} MB read, ${this.callCount.toLocaleString("en")} calls ` +
      `(${(megabytes / seconds).toFixed(1)} MB/s, ${Math.round(this.callCount / seconds).toLocaleString("en")} calls/s)`;
    this.out.write(this.out.isTTY ? `\r\x1b[2K${line}` : `${line}\n`);
  }
}
