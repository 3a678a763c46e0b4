import { z } from 'zod';
import { defineAuditEvent } from '../audit/index.ts';

/** Events of the transparency report: quarters, categories and counts — never a person or a text. */
export const TRANSPARENCY_AUDIT_EVENTS = [
  defineAuditEvent(
    'transparency.report_generated',
    'update',
    "A quarter's transparency report was drafted (or its draft regenerated) from the database's counts",
    z.object({ period: z.string(), by: z.enum(['officer', 'job']) }),
  ),
  defineAuditEvent(
    'transparency.report_published',
    'update',
    "A quarter's transparency report was published: its figures are frozen and public",
    z.object({ period: z.string(), generatedAt: z.string() }),
  ),
  defineAuditEvent(
    'transparency.authority_request_recorded',
    'update',
    'The privacy officer recorded a request for data from a government or other authority',
    z.object({ requestId: z.string(), legalBasis: z.string(), disclosed: z.boolean(), personsAffected: z.number().int() }),
  ),
];
