// Terminal output for the CLI: buffered stdout with back-pressure, stderr messages, and a
// progress bar on stderr that is only shown on a TTY and never garbles the other output.
/** The parts of a stream the CLI uses; process.stdout/stderr and test doubles both fit. */
export interface OutStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
  once?(event: 'drain', listener: () => void): unknown;
}

export const PROGRESS_MIN_FILES = 200;
const FLUSH_AT = 64 * 1024;
const REDRAW_MS = 100;

export class Terminal {
  private buffer = '';
  private bar: ProgressBar | undefined;

  constructor(
    private readonly stdout: OutStream,
    private readonly stderr: OutStream,
  ) {}

  /** Queues stdout text; waits when the stream asks to slow down. */
  async out(text: string): Promise<void> {
    if (this.stdout.isTTY) {
      this.bar?.clear();
      this.stdout.write(text);
      return;
    }
    this.buffer += text;
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  /** Writes one line on stderr, above the progress bar. */
  err(line: string): void {
    this.bar?.clear();
    this.stderr.write(`${line}\n`);
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    const once = this.stdout.once?.bind(this.stdout);
    if (!this.stdout.write(chunk) && once) await new Promise<void>((resolve) => once('drain', resolve));
  }

  /** Shows a progress bar for `total` files when stderr is a TTY and the run is long enough. */
  startProgress(total: number, label: string): void {
    if (this.stderr.isTTY && total > PROGRESS_MIN_FILES) this.bar = new ProgressBar(this.stderr, total, label);
  }

  tick(): void {
    this.bar?.tick();
  }

  stopProgress(): void {
    this.bar?.clear();
    this.bar = undefined;
  }
}

class ProgressBar {
  private done = 0;
  private visible = false;
  private lastDraw = 0;

  constructor(
    private readonly stream: OutStream,
    private readonly total: number,
    private readonly label: string,
  ) {}

  tick(): void {
    this.done++;
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS && this.done < this.total) return;
    this.lastDraw = now;
    this.draw();
  }

  clear(): void {
    if (!this.visible) return;
    this.stream.write('\r\x1b[2K');
    this.visible = false;
  }

  private draw(): void {
    const counter = ` ${this.done}/${this.total}`;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - this.label.length - counter.length - 4));
    const filled = Math.round((width * this.done) / this.total);
    this.stream.write(`\r\x1b[2K${this.label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)}${counter}`);
    this.visible = true;
  }
}
