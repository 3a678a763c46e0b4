import type { MessageStreamEvent } from '@sealbridge/contracts';
import type { Logger } from '../../platform/logger/index.ts';
import type { MessageBus, MessagingEvent, Presence } from './messaging-ports.ts';

/** Where a stream's bytes go (the HTTP response, in the route); the hub never sees a socket or a request. */
export type StreamSink = { write(chunk: string): void; end(): void };

export type StreamOpen = {
  accountId: string;
  sink: StreamSink;
  /** Asked at every heartbeat: a session that ended (signed out, revoked, expired) closes its stream. */
  stillSignedIn: () => Promise<boolean>;
  /** What a reconnecting client missed since its Last-Event-ID, if it sent one. */
  replay?: () => Promise<{ resync: boolean; events: { id: string; threadId: string; lane: string; messageId: string }[] }>;
};

export type StreamHubOptions = { bus: MessageBus; presence: Presence; logger: Logger; heartbeatMs?: number };

type Connection = { accountId: string; sink: StreamSink; timer: NodeJS.Timeout | undefined; closed: boolean };

/** Open streams one account may hold on one instance. */
export const MAX_STREAMS_PER_ACCOUNT = 8;

function frame(type: MessageStreamEvent, id: string | null, data: Record<string, string | undefined>): string {
  return `${id ? `id: ${id}\n` : ''}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Server-sent events for this instance's connections. Every instance subscribes to the message bus and writes each
 * event to the streams of the accounts it names — ids only, never text: the client fetches through the API, where
 * the grants are checked again. A heartbeat every `heartbeatMs` keeps proxies from closing the stream, refreshes the
 * account's presence and re-checks the session. `closeAll` ends every stream (on shutdown, before the server waits
 * for open connections).
 */
export function createStreamHub(options: StreamHubOptions) {
  const { bus, presence, logger } = options;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const presenceTtlMs = Math.round(heartbeatMs * 2.5);
  const byAccount = new Map<string, Set<Connection>>();

  function send(conn: Connection, chunk: string): void {
    if (conn.closed) return;
    try {
      conn.sink.write(chunk);
    } catch (error) {
      logger.debug({ err: error }, 'stream write failed');
      close(conn);
    }
  }

  function close(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    clearInterval(conn.timer);
    try {
      conn.sink.end();
    } catch {
      // the peer is gone already
    }
    const set = byAccount.get(conn.accountId);
    set?.delete(conn);
    if (set && set.size === 0) {
      byAccount.delete(conn.accountId);
      void presence.clear(conn.accountId).catch((error: unknown) => logger.warn({ err: error }, 'presence not cleared'));
    }
  }

  function deliver(event: MessagingEvent): void {
    const data = { threadId: event.threadId, lane: event.lane, messageId: event.messageId };
    for (const accountId of new Set(event.to)) {
      for (const conn of byAccount.get(accountId) ?? []) send(conn, frame(event.type, event.id, data));
    }
  }

  return {
    /** Subscribes this instance to the bus (once, at start). */
    start: () => bus.subscribe(deliver),

    async open(input: StreamOpen): Promise<{ close: () => void }> {
      const conn: Connection = { accountId: input.accountId, sink: input.sink, timer: undefined, closed: false };
      const set = byAccount.get(input.accountId) ?? new Set<Connection>();
      // A few tabs and devices are normal; an account opening streams without end is not: the oldest make way.
      for (const old of [...set].slice(0, Math.max(0, set.size - MAX_STREAMS_PER_ACCOUNT + 1))) close(old);
      set.add(conn);
      byAccount.set(input.accountId, set);
      send(conn, `retry: 3000\n: connected\n\n`);
      await presence.mark(input.accountId, presenceTtlMs).catch((error: unknown) => logger.warn({ err: error }, 'presence not marked'));
      if (input.replay) {
        const missed = await input.replay();
        if (missed.resync) send(conn, frame('resync', null, {}));
        for (const e of missed.events) send(conn, frame('message', e.id, { threadId: e.threadId, lane: e.lane, messageId: e.messageId }));
      }
      if (conn.closed) return { close: () => close(conn) };
      conn.timer = setInterval(() => {
        void (async () => {
          if (!(await input.stillSignedIn().catch(() => false))) {
            send(conn, frame('signed_out', null, {}));
            close(conn);
            return;
          }
          send(conn, `: heartbeat\n\n`);
          await presence.mark(input.accountId, presenceTtlMs);
        })().catch((error: unknown) => logger.warn({ err: error }, 'stream heartbeat failed'));
      }, heartbeatMs);
      conn.timer.unref();
      return { close: () => close(conn) };
    },

    /** Open streams on this instance (for tests and the shutdown log). */
    size: () => [...byAccount.values()].reduce((n, s) => n + s.size, 0),

    closeAll(): void {
      for (const set of [...byAccount.values()]) for (const conn of [...set]) close(conn);
    },
  };
}

export type StreamHub = ReturnType<typeof createStreamHub>;
