import { request, type IncomingMessage } from 'node:http';
import type { Session } from '../helpers/test-app.ts';

export type SseEvent = { id: string | null; event: string; data: string; at: number };

/**
 * A minimal EventSource over fetch (Node has no EventSource that sends cookies): collects events, resolves
 * `next(type)` when one arrives, records the raw bytes (to prove no text travels) and stops on `close()`.
 */
export async function openStream(baseUrl: string, session: Session, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  // node:http without an agent: one connection per stream and no idle spare sockets (as a browser's EventSource).
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(`${baseUrl}/api/me/messages/stream`, {
      agent: false,
      headers: { accept: 'text/event-stream', cookie: session.cookie, ...headers },
      signal: controller.signal,
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
  const events: SseEvent[] = [];
  const waiters: { type: string; resolve: (e: SseEvent) => void }[] = [];
  let raw = '';
  let ended = false;
  const done = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res) {
        const text = decoder.decode(chunk as Uint8Array, { stream: true });
        raw += text;
        buffer += text;
        let cut = buffer.indexOf('\n\n');
        while (cut !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            if (line.startsWith(':') || !line.includes(':')) continue;
            const at = line.indexOf(':');
            fields.set(line.slice(0, at), line.slice(at + 1).trimStart());
          }
          if (!fields.has('event')) continue;
          const event: SseEvent = {
            id: fields.get('id') ?? null,
            event: fields.get('event') ?? '',
            data: fields.get('data') ?? '',
            at: performance.now(),
          };
          events.push(event);
          for (const w of waiters.filter((x) => x.type === event.event)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(event);
          }
        }
      }
    } catch {
      // aborted
    } finally {
      ended = true;
    }
  })();
  return {
    status: res.statusCode ?? 0,
    header: (name: string) => {
      const value = res.headers[name];
      return Array.isArray(value) ? value.join(', ') : (value ?? null);
    },
    events,
    raw: () => raw,
    ended: () => ended,
    /** The next event of a type not seen yet (or already received after `since` events). */
    next(type: string, timeoutMs = 5000): Promise<SseEvent> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          type,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    async close() {
      controller.abort();
      await done;
    },
    finished: done,
  };
}
