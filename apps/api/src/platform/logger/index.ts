export { createLogger, type Logger } from './logger.ts';
export { REDACT_PATHS, registerLogScrubber, scrubText } from './redaction.ts';
