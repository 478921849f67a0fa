/**
 * A progress line on stderr: a redrawn bar on a terminal, a plain line every
 * few seconds otherwise (CI logs, pipes), so long runs always show progress.
 */
export class Progress {
  private last = 0;
  private readonly tty: boolean;
  private readonly started = performance.now();

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly quiet = false,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  update(done: number, total: number | null, detail = ''): void {
    if (this.quiet) return;
    const now = performance.now();
    if (now - this.last < (this.tty ? 100 : 2000)) return;
    this.last = now;
    this.stream.write(this.render(done, total, detail) + (this.tty ? '' : '\n'));
  }

  done(done: number, total: number | null, detail = ''): void {
    if (this.quiet) return;
    this.last = 0;
    this.stream.write(this.render(done, total, detail) + '\n');
  }

  private render(done: number, total: number | null, detail: string): string {
    const secs = ((performance.now() - this.started) / 1000).toFixed(1);
    const count = total ? `${done}/${total}` : `${done}`;
    const width = 24;
    const bar = total ? '█'.repeat(Math.round((width * Math.min(done, total)) / total)).padEnd(width, '░') : '';
    return `${this.tty ? '\r\x1b[2K' : ''}${this.label} ${bar} ${count}${detail ? ` ${detail}` : ''} ${secs}s`;
  }
}
