import { createServer, type Server, type Socket } from 'node:net';

/** A message the sink accepted (replied 250 to its DATA): the outbox id it carries and the EHLO name of the sender. */
export type Accepted = { messageId: string; sender: string; at: number };
export type Held = { messageId: string; sender: string };

/**
 * The mail server of the scale test: a minimal SMTP receiver (no TLS, no auth) that records every message it
 * accepts by its X-Sealbridge-Message-Id header, and names the sending instance by its EHLO name (SMTP_URL
 * `?name=appN`). `holdNext()` makes it keep the next message without answering its DATA: under SMTP the message is
 * not delivered until that 250, so the sending instance is stuck mid-send, where the test kills it.
 */
export type SmtpSink = {
  port: number;
  accepted: Accepted[];
  holdNext(): Promise<Held>;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const accepted: Accepted[] = [];
  const sockets = new Set<Socket>();
  let hold: ((held: Held) => void) | undefined;

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    let sender = '';
    let buffer = '';
    let data: string[] | undefined;
    const reply = (line: string) => {
      if (!socket.destroyed) socket.write(`${line}\r\n`);
    };
    reply('220 sink ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line !== '.') {
            data.push(line);
            continue;
          }
          const header = data.find((l) => /^x-sealbridge-message-id:/i.test(l));
          const messageId = header?.replace(/^[^:]+:\s*/, '').trim() ?? '';
          data = undefined;
          if (hold) {
            hold({ messageId, sender });
            hold = undefined;
            continue; // no 250: the sender waits until it dies
          }
          accepted.push({ messageId, sender, at: performance.now() });
          reply('250 OK queued');
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') {
          sender = line.slice(5).trim();
          reply(verb === 'EHLO' ? '250-sink\r\n250 8BITMIME' : '250 sink');
        } else if (verb === 'DATA') {
          data = [];
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('250 OK');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    accepted,
    holdNext: () => new Promise<Held>((resolve) => (hold = resolve)),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
