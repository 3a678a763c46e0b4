import type { TOutboxQuery, TOutboxResponse } from '@sealbridge/contracts';
import type { DeliveryOutboxTable } from '../../db/schema.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { Vault } from '../vault/index.ts';
import type { DeliveryMessage, DeliveryPort, DeliveryTransport, RenderedMessage } from './delivery-port.ts';
import type { DeliveryRepo } from './delivery-repo.ts';
import { renderMessage } from './delivery-templates.ts';

const TABLE = 'delivery_outbox';

/** A transport error reduced to a class that is safe to store and log (never the provider's text). */
function failureClass(transport: DeliveryTransport, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const safe = typeof code === 'string' && /^[A-Za-z0-9_]{1,32}$/.test(code) ? code.toLowerCase() : 'error';
  return `${transport.name}_${safe}`;
}

export type DeliveryOutbox = DeliveryPort & {
  list(query: TOutboxQuery): Promise<TOutboxResponse>;
  /** Resolves when every transport hand-off started so far has settled (for shutdown and tests). */
  drain(): Promise<void>;
};

/**
 * The working delivery implementation: every message is sealed by the vault under a data subject of its own
 * (recipient and text are personal data; the code in a text is a secret) and stored with its template and status.
 * When a transport serves the channel the message is handed to it after the row is written, without holding up the
 * caller; otherwise the outbox is the delivery (status outbox_only). The log names the template and id only.
 */
export function createDeliveryOutbox(deps: {
  repo: DeliveryRepo;
  vault: Pick<Vault, 'createSubject' | 'sealFields' | 'maskFields'>;
  logger: Logger;
  transports?: readonly DeliveryTransport[];
  now?: () => Date;
}): DeliveryOutbox {
  const { repo, vault, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const transports = deps.transports ?? [];
  const pending = new Set<Promise<void>>();

  async function dispatch(transport: DeliveryTransport, message: RenderedMessage): Promise<void> {
    try {
      await transport.deliver(message);
      await repo.markDispatched(message.id, 'sent', now().toISOString(), null);
    } catch (error) {
      const failure = failureClass(transport, error);
      logger.warn({ messageId: message.id, template: message.template, failure }, 'message not delivered');
      await repo.markDispatched(message.id, 'failed', now().toISOString(), failure).catch(() => undefined);
    }
  }

  return {
    async send(message: DeliveryMessage) {
      const id = newId();
      const rendered = renderMessage(message);
      // A subject per message: erasing it (or its retention running out) destroys the only key to this row.
      const subject = await vault.createSubject('customer');
      const sealed = await vault.sealFields(subject, TABLE, id, { [message.channel]: message.to, body: rendered.text });
      const transport = transports.find((t) => t.channel === message.channel);
      const row: DeliveryOutboxTable = {
        id,
        subject_id: subject.subjectId,
        channel: message.channel,
        template: message.template,
        status: transport ? 'queued' : 'outbox_only',
        mobile_ct: sealed['mobile_ct'] ?? null,
        mobile_bidx: sealed['mobile_bidx'] ?? null,
        email_ct: sealed['email_ct'] ?? null,
        email_bidx: sealed['email_bidx'] ?? null,
        body_ct: sealed['body_ct'] ?? '',
        created_at: now().toISOString(),
        dispatched_at: null,
        failure: null,
      };
      await repo.insert(row);
      logger.info({ messageId: id, template: message.template }, 'message queued');
      if (transport) {
        const work = dispatch(transport, { ...message, id, ...rendered });
        pending.add(work);
        void work.finally(() => pending.delete(work));
      }
      return { id };
    },

    /** Masked recipients only (computed inside the vault); the text never leaves. */
    async list(query: TOutboxQuery): Promise<TOutboxResponse> {
      const filter = { status: query.status };
      const [rows, total] = await Promise.all([repo.list(filter, query.pageSize, (query.page - 1) * query.pageSize), repo.count(filter)]);
      const items = await Promise.all(
        rows.map(async (row) => {
          const masked = await vault.maskFields(row.subject_id, TABLE, row.id, row as unknown as Record<string, unknown>, [row.channel]);
          return {
            id: row.id,
            channel: row.channel,
            recipient: masked[row.channel] ?? { state: 'absent' as const },
            template: row.template as TOutboxResponse['items'][number]['template'],
            status: row.status,
            createdAt: row.created_at,
            dispatchedAt: row.dispatched_at,
          };
        }),
      );
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
