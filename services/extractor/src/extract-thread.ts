// The body of an extraction thread (see extract-threads.ts): extracts each
// job it is sent and sends back the result, or the error as one line.
import { parentPort } from 'node:worker_threads';
import type { ExtractJob } from '@claimflow/schemas';
import { extractChunk } from './extract-chunk.js';
import type { ThreadReply } from './extract-threads.js';

const port = parentPort;
if (!port) throw new Error('extract-thread.js runs as a worker thread of the extractor (ExtractThreads), not on its own');
port.on('message', ({ id, job }: { id: number; job: ExtractJob }) => {
  let reply: ThreadReply;
  try {
    reply = { id, result: extractChunk(job) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  port.postMessage(reply);
});
