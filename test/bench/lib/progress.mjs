// A progress bar on stderr: redrawn in place on a terminal, a line every few seconds otherwise.
const WIDTH = 28;

export class Progress {
  constructor(totalSteps) {
    this.totalSteps = totalSteps;
    this.step = 0;
    this.label = '';
    this.detail = '';
    this.started = Date.now();
    this.tty = Boolean(process.stderr.isTTY);
    this.lastLine = 0;
    this.timer = setInterval(() => this.draw(), this.tty ? 500 : 10_000);
    this.timer.unref();
  }

  /** A new step of the suite begins. */
  begin(label) {
    this.step++;
    this.label = label;
    this.detail = '';
    this.draw(true);
  }

  /** What the current step is doing, e.g. "41,200/100,000 records". */
  update(detail, fraction) {
    this.detail = detail;
    this.fraction = fraction;
    this.draw();
  }

  /** A view for one part [offset, offset + span) of the current step: its fractions map into that part. */
  part(offset, span) {
    return { update: (detail, fraction) => this.update(detail, fraction == null ? offset : offset + span * Math.min(1, Math.max(0, fraction))), log: (m) => this.log(m) };
  }

  draw(force = false) {
    const within = this.fraction != null && Number.isFinite(this.fraction) ? Math.min(1, Math.max(0, this.fraction)) : 0;
    const done = Math.min(1, Math.max(0, (this.step - 1 + within) / this.totalSteps));
    const filled = Math.round(done * WIDTH);
    const secs = Math.round((Date.now() - this.started) / 1000);
    const elapsed = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(done * 100)).padStart(3)}% ${elapsed} step ${this.step}/${this.totalSteps} ${this.label}${this.detail ? `: ${this.detail}` : ''}`;
    if (this.tty) {
      const cols = process.stderr.columns || 120;
      process.stderr.write(`\r\x1b[K${line.slice(0, cols - 1)}`);
    } else if (force || Date.now() - this.lastLine >= 10_000) {
      process.stderr.write(`${line}\n`);
      this.lastLine = Date.now();
    }
  }

  /** A message that stays on screen above the bar. */
  log(message) {
    if (this.tty) process.stderr.write(`\r\x1b[K${message}\n`);
    else process.stderr.write(`${message}\n`);
    this.draw(true);
  }

  end() {
    clearInterval(this.timer);
    if (this.tty) process.stderr.write('\r\x1b[K');
  }
}
