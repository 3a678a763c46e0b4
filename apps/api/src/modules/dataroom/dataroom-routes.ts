import multipart from '@fastify/multipart';
import {
  ZAnswerQuestionRequest,
  ZApplyRedactionRequest,
  ZAskQuestionRequest,
  ZCreateFolderRequest,
  ZDataroom,
  ZDataroomAnalytics,
  ZDataroomDocument,
  ZDataroomFolder,
  ZDataroomList,
  ZIdentifyResult,
  ZPermissionMatrix,
  ZPublishQuestionRequest,
  ZQuestion,
  ZQuestionList,
  ZRedactionProposal,
  ZReleaseVersionRequest,
  ZSetPermissionRequest,
  ZViewBeacons,
  zQueryInt,
} from '@sealbridge/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/index.ts';
import type { Principal } from '../../platform/http/index.ts';
import type { DataroomService } from './dataroom-service.ts';

const LEAK_MAX_BYTES = 30 * 1024 * 1024;
const id = z.string().min(1).max(64);
const room = z.object({ listingId: id });
const doc = room.extend({ documentId: id });
const question = room.extend({ questionId: id });

function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name (Chinese titles). */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The multipart upload's fields (sent before the file) and the file as a stream — never buffered whole. */
async function fileUpload(request: FastifyRequest, maxBytes: number) {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'expected multipart/form-data');
  const part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 8, fieldSize: 4096 } });
  if (!part) throw new AppError('VALIDATION_FAILED', 'no file in the upload', { fields: ['file'] });
  const field = (name: string): string | null => {
    const f = part.fields[name];
    const one = Array.isArray(f) ? f[0] : f;
    return one && one.type === 'field' && typeof one.value === 'string' && one.value.length > 0 ? one.value : null;
  };
  return { part, field };
}

export function dataroomRoutes(service: DataroomService, options: { uploadMaxBytes: number }) {
  return async function register(app: FastifyInstance) {
    await app.register(multipart, { limits: { fileSize: options.uploadMaxBytes + 1, files: 1 } });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const view = { permission: 'dataroom.view' as const };
    const manage = { permission: 'dataroom.manage' as const };
    const tags = ['dataroom'];

    r.get('/api/dataroom/rooms', {
      config: view,
      schema: { tags, summary: 'The data rooms I take part in', response: { 200: ZDataroomList } },
      handler: async (request) => service.listRooms(principalOf(request)),
    });
    r.get('/api/dataroom/:listingId', {
      config: view,
      schema: {
        tags,
        summary: "A listing's data room as I may see it (buyers: only documents granted to them)",
        params: room,
        response: { 200: ZDataroom },
      },
      handler: async (request) => service.getRoom(principalOf(request), request.params.listingId, String(request.id)),
    });
    r.post('/api/dataroom/:listingId/folders', {
      config: manage,
      schema: { tags, summary: 'Add a folder (adviser)', params: room, body: ZCreateFolderRequest, response: { 200: ZDataroomFolder } },
      handler: async (request) => service.createFolder(principalOf(request), request.params.listingId, request.body, String(request.id)),
    });
    r.post('/api/dataroom/:listingId/documents', {
      config: manage,
      schema: {
        tags,
        summary: 'Upload a document (multipart: title, folderId, file) — sealed as it streams; visible to nobody until granted',
        params: room,
        response: { 200: ZDataroomDocument },
      },
      handler: async (request) => {
        const { part, field } = await fileUpload(request, options.uploadMaxBytes);
        return service
          .upload(
            principalOf(request),
            request.params.listingId,
            { title: field('title') ?? part.filename ?? '', folderId: field('folderId'), fileName: part.filename ?? '', file: part.file },
            String(request.id),
          )
          .finally(() => part.file.resume());
      },
    });
    r.post('/api/dataroom/:listingId/documents/:documentId/versions', {
      config: manage,
      schema: {
        tags,
        summary: 'Upload a new version (not shown to buyers until released)',
        params: doc,
        response: { 200: ZDataroomDocument },
      },
      handler: async (request) => {
        const { part } = await fileUpload(request, options.uploadMaxBytes);
        return service
          .addVersion(
            principalOf(request),
            request.params.listingId,
            request.params.documentId,
            { title: '', folderId: null, fileName: part.filename ?? '', file: part.file },
            String(request.id),
          )
          .finally(() => part.file.resume());
      },
    });
    r.post('/api/dataroom/:listingId/documents/:documentId/release', {
      config: manage,
      schema: {
        tags,
        summary: 'Make a version the one buyers with a permission see',
        params: doc,
        body: ZReleaseVersionRequest,
        response: { 200: ZDataroomDocument },
      },
      handler: async (request) =>
        service.release(
          principalOf(request),
          request.params.listingId,
          request.params.documentId,
          request.body.versionId,
          String(request.id),
        ),
    });
    r.get('/api/dataroom/:listingId/documents/:documentId/pages/:page', {
      config: view,
      schema: {
        tags,
        summary: 'One page as a JPEG with a burnt-in watermark for the caller',
        params: doc.extend({ page: zQueryInt(1, 10_000) }),
        querystring: z.object({ version: id.optional() }),
      },
      handler: async (request, reply) => {
        const p = request.params;
        const page = await service.page(principalOf(request), p.listingId, p.documentId, p.page, request.query.version, String(request.id));
        return reply.type('image/jpeg').header('cache-control', 'no-store, private').header('x-watermark-code', page.code).send(page.jpeg);
      },
    });
    r.get('/api/dataroom/:listingId/documents/:documentId/download', {
      config: view,
      schema: {
        tags,
        summary: 'Download: a flattened watermarked PDF, or the released file with the original permission',
        params: doc,
        querystring: z.object({ form: z.enum(['watermarked', 'original']).default('watermarked') }),
      },
      handler: async (request, reply) => {
        const d = await service.download(
          principalOf(request),
          request.params.listingId,
          request.params.documentId,
          request.query.form,
          String(request.id),
        );
        return reply
          .type(d.mediaType)
          .header('cache-control', 'no-store, private')
          .header('content-disposition', disposition(d.fileName))
          .send(d.stream);
      },
    });
    r.get('/api/dataroom/:listingId/permissions', {
      config: manage,
      schema: { tags, summary: 'Who can see what: every L2 grant × every document', params: room, response: { 200: ZPermissionMatrix } },
      handler: async (request) => service.permissions.matrix(principalOf(request), request.params.listingId, String(request.id)),
    });
    r.put('/api/dataroom/:listingId/permissions', {
      config: manage,
      schema: {
        tags,
        summary: "Set a grant's permission on a document or on a folder's documents (none revokes at once)",
        params: room,
        body: ZSetPermissionRequest,
        response: { 200: ZPermissionMatrix },
      },
      handler: async (request) => service.permissions.set(principalOf(request), request.params.listingId, request.body, String(request.id)),
    });
    r.get('/api/dataroom/:listingId/documents/:documentId/redaction', {
      config: manage,
      schema: {
        tags,
        summary: 'Proposed redaction boxes from the text layer (identifier detector)',
        params: doc,
        querystring: z.object({ version: id.optional() }),
        response: { 200: ZRedactionProposal },
      },
      handler: async (request) =>
        service.redaction.propose(
          principalOf(request),
          request.params.listingId,
          request.params.documentId,
          request.query.version,
          String(request.id),
        ),
    });
    r.post('/api/dataroom/:listingId/documents/:documentId/redaction', {
      config: manage,
      schema: {
        tags,
        summary: 'Burn in the confirmed boxes; the result becomes the released version',
        params: doc,
        body: ZApplyRedactionRequest,
        response: { 200: ZDataroomDocument },
      },
      handler: async (request) =>
        service.redaction.apply(
          principalOf(request),
          request.params.listingId,
          request.params.documentId,
          request.body,
          String(request.id),
        ),
    });
    r.get('/api/dataroom/:listingId/questions', {
      config: view,
      schema: { tags, summary: 'Q&A: a buyer sees their own questions and published ones', params: room, response: { 200: ZQuestionList } },
      handler: async (request) => service.questions(principalOf(request), request.params.listingId, String(request.id)),
    });
    r.post('/api/dataroom/:listingId/questions', {
      config: view,
      schema: { tags, summary: 'Ask a question (buyers)', params: room, body: ZAskQuestionRequest, response: { 200: ZQuestion } },
      handler: async (request) => service.ask(principalOf(request), request.params.listingId, request.body, String(request.id)),
    });
    r.post('/api/dataroom/:listingId/questions/:questionId/answer', {
      config: manage,
      schema: {
        tags,
        summary: 'Answer a question (seller or adviser)',
        params: question,
        body: ZAnswerQuestionRequest,
        response: { 200: ZQuestion },
      },
      handler: async (request) =>
        service.answer(principalOf(request), request.params.listingId, request.params.questionId, request.body.text, String(request.id)),
    });
    r.post('/api/dataroom/:listingId/questions/:questionId/publish', {
      config: manage,
      schema: {
        tags,
        summary: 'Show a question and its answer to every buyer of the room, or take it back',
        params: question,
        body: ZPublishQuestionRequest,
        response: { 200: ZQuestion },
      },
      handler: async (request) =>
        service.publish(
          principalOf(request),
          request.params.listingId,
          request.params.questionId,
          request.body.published,
          String(request.id),
        ),
    });
    r.post('/api/dataroom/:listingId/beacons', {
      config: view,
      schema: {
        tags,
        summary: 'Dwell-time beacons from the viewer',
        params: room,
        body: ZViewBeacons,
        response: { 200: z.object({ accepted: z.number().int() }) },
      },
      handler: async (request) => service.beacons(principalOf(request), request.params.listingId, request.body.beacons, String(request.id)),
    });
    r.get('/api/dataroom/:listingId/analytics', {
      config: manage,
      schema: {
        tags,
        summary: 'Views and dwell time per viewer, document, page and day (format=csv to export)',
        params: room,
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
      },
      handler: async (request, reply) => {
        if (request.query.format === 'csv') {
          const csv = await service.analyticsCsv(principalOf(request), request.params.listingId, String(request.id));
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', disposition(`dataroom-analytics-${request.params.listingId}.csv`))
            .send(csv);
        }
        return reply
          .type('application/json')
          .send(ZDataroomAnalytics.parse(await service.analytics(principalOf(request), request.params.listingId, String(request.id))));
      },
    });
    r.post('/api/dataroom/:listingId/shred', {
      config: manage,
      schema: {
        tags,
        summary: "Erase the data room's key: every document in it becomes unreadable (adviser)",
        params: room,
        body: z.object({ reason: z.string().trim().min(3).max(200) }),
        response: { 200: z.object({ shredded: z.boolean() }) },
      },
      handler: async (request) => {
        await service.shred(principalOf(request), request.params.listingId, request.body.reason, String(request.id));
        return { shredded: true };
      },
    });
    r.post('/api/dataroom/identify', {
      config: manage,
      schema: {
        tags,
        summary: 'Leak attribution: which rendering a leaked page (image or PDF) comes from — rooms I manage only',
        response: { 200: ZIdentifyResult },
      },
      handler: async (request) => {
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'expected multipart/form-data');
        const part = await request.file({ limits: { fileSize: LEAK_MAX_BYTES, files: 1 } });
        if (!part) throw new AppError('VALIDATION_FAILED', 'no file', { fields: ['file'] });
        const bytes = await part.toBuffer().catch(() => {
          throw new AppError('DATAROOM_FILE_TOO_LARGE', 'leaked file too large', { maxBytes: LEAK_MAX_BYTES });
        });
        return service.identifyForManager(principalOf(request), bytes, String(request.id));
      },
    });
  };
}
