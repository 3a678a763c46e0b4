import type { TOutboxQuery, TOutboxResponse } from '@sealbridge/contracts';
import type { DeliveryOutboxTable } from '../../db/schema.ts';
import { newId } from '../../platform/ids/index.ts';
import type { Logger } from '../../platform/logger/index.ts';
import type { Vault } from '../vault/index.ts';
import type { DeliveryMessage, DeliveryPort, DeliveryTransport, RenderedMessage } from './delivery-port.ts';
import type { DeliveryRepo } from './delivery-repo.ts';
import { renderMessage, TEMPLATES } from './delivery-templates.ts';

const TABLE = 'delivery_outbox';
/** The job that hands a stored message to its transport (any instance; see `dispatchStored`). */
export const DISPATCH_JOB = 'delivery.dispatch';
/**
 * Channels whose message can be rebuilt from its row alone (recipient and text sealed, subject from the template),
 * so another instance can send it. An SMS provider is sent the template params, which are not stored: SMS keeps
 * the in-process hand-off.
 */
const STORED_CHANNELS: ReadonlySet<string> = new Set(['email']);
/** The platform opening a message to send it to its own recipient: audited, purpose-checked, no staff gate. */
const DISPATCHER = { accountId: '', roles: [], kind: 'customer', sessionId: null } as const;

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
  /**
   * The `delivery.dispatch` job: hands one stored, still-queued message to its transport and settles it. Safe under
   * redelivery: a message already settled (sent, failed) is not sent again; `final` marks the last attempt, whose
   * transport refusal settles the message as failed.
   */
  dispatchStored(messageId: string, options: { final: boolean }): Promise<'sent' | 'settled_before' | 'failed'>;
};

/**
 * The working delivery implementation: every message is sealed by the vault under a data subject of its own
 * (recipient and text are personal data; the code in a text is a secret) and stored with its template and status.
 * When a transport serves the channel the message is handed to it after the row is written, without holding up the
 * caller; otherwise the outbox is the delivery (status outbox_only). The log names the template and id only.
 */
export function createDeliveryOutbox(deps: {
  repo: DeliveryRepo;
  vault: Pick<Vault, 'createSubject' | 'sealFields' | 'maskFields' | 'reveal'>;
  logger: Logger;
  transports?: readonly DeliveryTransport[];
  /** With a job runner, e-mails are handed off by the `delivery.dispatch` job (any instance, retried, once). */
  queue?: (messageId: string) => Promise<unknown>;
  now?: () => Date;
}): DeliveryOutbox {
  const { repo, vault, logger, queue } = deps;
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
      if (transport && queue && STORED_CHANNELS.has(message.channel)) await queue(id);
      else if (transport) {
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

    async dispatchStored(messageId, options) {
      const row = await repo.find(messageId);
      // Settled already (an earlier attempt sent it and the job was redelivered): the effect is not repeated.
      if (!row || row.status !== 'queued') return 'settled_before';
      const transport = transports.find((t) => t.channel === row.channel);
      if (!transport || !STORED_CHANNELS.has(row.channel)) {
        await repo.markDispatched(row.id, 'failed', now().toISOString(), 'no_transport');
        return 'failed';
      }
      const open = await vault.reveal({
        actor: DISPATCHER,
        own: false,
        forSubject: true,
        purpose: 'account_service',
        subjectId: row.subject_id,
        table: TABLE,
        recordId: row.id,
        row: row as unknown as Record<string, unknown>,
        fields: [row.channel, 'body'],
      });
      const to = open[row.channel];
      const body = open['body'];
      if (to?.state !== 'revealed' || body?.state !== 'revealed') {
        // Erased before it left (the subject's key is gone): nothing can be sent, ever.
        await repo.markDispatched(row.id, 'failed', now().toISOString(), 'erased');
        return 'failed';
      }
      const template = row.template as DeliveryMessage['template'];
      const message: RenderedMessage = {
        id: row.id,
        channel: row.channel,
        to: to.value ?? '',
        template,
        params: {},
        subject: TEMPLATES[template].emailSubject,
        text: body.value ?? '',
      };
      try {
        await transport.deliver(message);
      } catch (error) {
        const failure = failureClass(transport, error);
        logger.warn({ messageId: row.id, template, failure, final: options.final }, 'message not delivered');
        if (options.final) {
          await repo.markDispatched(row.id, 'failed', now().toISOString(), failure);
          return 'failed';
        }
        await repo.noteFailure(row.id, failure);
        throw error;
      }
      await repo.markDispatched(row.id, 'sent', now().toISOString(), null);
      return 'sent';
    },
  };
}
