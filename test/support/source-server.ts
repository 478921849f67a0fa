import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for a paper source: each test says how to answer each
 * request, and the server keeps every request it saw (path, query, headers,
 * time) so a test can check paging, politeness and resumption.
 */
export interface SeenRequest {
  url: URL;
  userAgent: string | undefined;
  at: number;
}

export type Answer = { status?: number; headers?: Record<string, string>; body?: string } | 'drop';
export type Handler = (url: URL, req: IncomingMessage, n: number) => Answer | Promise<Answer>;

export class SourceServer {
  readonly requests: SeenRequest[] = [];
  private constructor(private readonly server: Server, public handler: Handler) {}

  static async start(handler: Handler): Promise<SourceServer> {
    let self: SourceServer;
    const server = createServer((req, res) => void self.answer(req, res));
    self = new SourceServer(server, handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.requests.push({ url, userAgent: req.headers['user-agent'], at: Date.now() });
    const answer = await this.handler(url, req, this.requests.length);
    if (answer === 'drop') {
      // The connection dies mid-answer: headers and half a body, then a reset.
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '100000' });
      res.write('<?xml version="1.0"?><OAI-PMH');
      setTimeout(() => req.socket.destroy(), 10);
      return;
    }
    res.writeHead(answer.status ?? 200, answer.headers ?? {});
    res.end(answer.body ?? '');
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}
