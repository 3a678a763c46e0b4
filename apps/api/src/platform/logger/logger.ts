import { pino, type DestinationStream, type Logger } from 'pino';
import { REDACT_PATHS, scrubText } from './redaction.ts';

export type { Logger } from 'pino';

/**
 * Errors are logged with their type, code and a scrubbed message and stack: database drivers and parsers
 * echo input values in messages, and input may be personal data.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const withCode = error as Error & { code?: unknown; constraint?: unknown };
  return {
    type: error.name,
    code: typeof withCode.code === 'string' ? withCode.code : undefined,
    constraint: typeof withCode.constraint === 'string' ? withCode.constraint : undefined,
    message: scrubText(error.message),
    stack: error.stack ? scrubText(error.stack) : undefined,
  };
}

export function createLogger(options: { level: string; destination?: DestinationStream; name?: string }): Logger {
  return pino(
    {
      name: options.name ?? 'sealbridge',
      level: options.level,
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      timestamp: pino.stdTimeFunctions.epochTime,
      base: { pid: process.pid },
    },
    options.destination,
  );
}
