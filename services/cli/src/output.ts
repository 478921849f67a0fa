import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

/** Writes lines with back-pressure, to a file or stdout. */
export class LineWriter {
  private constructor(private readonly stream: Writable, private readonly owned: boolean) {}

  static open(path: string | undefined): LineWriter {
    return path ? new LineWriter(createWriteStream(path), true) : new LineWriter(process.stdout, false);
  }

  async write(line: string): Promise<void> {
    if (!this.stream.write(line + '\n')) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.owned) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
