import { useEffect, useRef } from 'react';
import { ZMessageStreamData, type MessageStreamEvent, type TMessageStreamData } from '@sealbridge/contracts';

export type StreamHandler = (type: MessageStreamEvent, data: TMessageStreamData) => void;

const EVENTS: readonly MessageStreamEvent[] = ['message', 'read', 'flag', 'callback', 'resync', 'signed_out'];

/**
 * Live updates from /api/me/messages/stream (server-sent events, the session cookie authenticates). Events carry ids
 * only; the handler fetches what changed. EventSource reconnects by itself and sends Last-Event-ID, so the server
 * replays what was missed; `signed_out` ends the stream for good.
 */
export function useMessageStream(onEvent: StreamHandler, enabled = true): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/me/messages/stream');
    const listeners = EVENTS.map((type) => {
      const listener = (event: MessageEvent<string>) => {
        let data: TMessageStreamData;
        try {
          data = ZMessageStreamData.parse(JSON.parse(event.data));
        } catch {
          return;
        }
        if (type === 'signed_out') source.close();
        handler.current(type, data);
      };
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    return () => {
      for (const [type, listener] of listeners) source.removeEventListener(type, listener);
      source.close();
    };
  }, [enabled]);
}
