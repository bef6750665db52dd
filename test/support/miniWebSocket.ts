// The smallest WebSocket server (RFC 6455: handshake, unfragmented text frames, ping, close) that
// can stand in for Slack's Socket Mode endpoint. No dependency: the project has no `ws`, and
// Socket Mode's client (undici) only needs these frames.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface MiniSocket {
  send(json: unknown): void;
  messages: unknown[];
  waitFor(predicate: (m: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  closed: Promise<void>;
}

export interface MiniWebSocketServer {
  url: string;
  connections: MiniSocket[];
  nextConnection(ms?: number): Promise<MiniSocket>;
  close(): Promise<void>;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const head =
    length < 126 ? Buffer.from([0x80 | opcode, length]) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (length >= 126 && length < 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(length, 2);
  } else if (length >= 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([head, payload]);
}

function accept(socket: Duplex, req: IncomingMessage): MiniSocket {
  const key = String(req.headers['sec-websocket-key']);
  const digest = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${digest}\r\n\r\n`,
  );
  const messages: unknown[] = [];
  const waiters: {
    predicate: (m: Record<string, unknown>) => boolean;
    resolve: (m: Record<string, unknown>) => void;
  }[] = [];
  let buffer = Buffer.alloc(0);
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((r) => {
    markClosed = r;
  });
  socket.on('close', () => markClosed());
  socket.on('error', () => markClosed());
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      const opcode = (buffer[0] as number) & 0x0f;
      const masked = ((buffer[1] as number) & 0x80) !== 0;
      let length = (buffer[1] as number) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const maskAt = offset;
      if (masked) offset += 4;
      if (buffer.length < offset + length) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + length));
      if (masked)
        for (let i = 0; i < payload.length; i++)
          payload[i] = (payload[i] as number) ^ (buffer[maskAt + (i % 4)] as number);
      buffer = buffer.subarray(offset + length);
      if (opcode === 0x1) {
        const message = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
        messages.push(message);
        for (const w of waiters.filter((x) => x.predicate(message))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(message);
        }
      } else if (opcode === 0x9) socket.write(frame(0xa, payload));
      else if (opcode === 0x8) {
        socket.end(frame(0x8, payload.subarray(0, 2)));
      }
    }
  });
  return {
    messages,
    closed,
    send: (json) => socket.write(frame(0x1, Buffer.from(JSON.stringify(json), 'utf8'))),
    waitFor(predicate, ms = 5000) {
      const found = messages.find((m) => predicate(m as Record<string, unknown>));
      if (found) return Promise.resolve(found as Record<string, unknown>);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching WebSocket message in ${ms} ms: ${JSON.stringify(messages)}`)),
          ms,
        );
        waiters.push({
          predicate,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
  };
}

export async function startMiniWebSocketServer(): Promise<MiniWebSocketServer> {
  const connections: MiniSocket[] = [];
  const pending: ((s: MiniSocket) => void)[] = [];
  const sockets = new Set<Duplex>();
  const server: Server = createServer((_req, res) => {
    res.writeHead(426).end();
  });
  server.on('upgrade', (req, socket) => {
    sockets.add(socket);
    const conn = accept(socket, req);
    connections.push(conn);
    pending.shift()?.(conn);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    connections,
    nextConnection(ms = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no WebSocket connection')), ms);
        pending.push((s) => {
          clearTimeout(timer);
          resolve(s);
        });
      });
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
