import { z } from 'zod';
import { ZName, ZPlainText } from './text-input.ts';
import { GRANT_VIEW_STATES } from './disclosure.ts';

/**
 * The data room (level L2 of the disclosure path): one room per listing, folders, documents with versions, a
 * permission per L2 grant and document, page images with burnt-in per-viewer watermarks, redaction, Q&A and view
 * analytics. Buyers are named by their per-listing alias (B-…), never by name or customer number.
 */

/** What a grant may do with a document: nothing (the default), view watermarked pages, download a flattened
 * watermarked PDF, or download the released file itself. Each level includes the ones before it. */
export const DATAROOM_LEVELS = ['none', 'view', 'download_watermarked', 'original'] as const;
export type DataroomLevel = (typeof DATAROOM_LEVELS)[number];

/** Uploads are checked by their bytes: PDF, JPEG, PNG; Word and Excel are converted to PDF when LibreOffice runs. */
export const DATAROOM_FORMATS = ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'doc', 'xls'] as const;
export type DataroomFormat = (typeof DATAROOM_FORMATS)[number];
export const DATAROOM_UPLOAD_DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** original: as uploaded; converted: an office file turned into PDF; redacted: boxes burnt in by the broker. */
export const DATAROOM_VERSION_KINDS = ['original', 'converted', 'redacted'] as const;
/** ready: pages can be shown; original_only: an office file kept as it came (no converter); failed: unreadable. */
export const DATAROOM_VERSION_STATES = ['ready', 'original_only', 'failed'] as const;

export const DATAROOM_ROLES = ['broker', 'seller', 'buyer'] as const;
export type DataroomRole = (typeof DATAROOM_ROLES)[number];

const ZId = z.string().min(1).max(64);
/** Titles and folder names are shown to buyers in plaintext: the identifier guard checks them. */
const ZTitle = ZName(120);

export const ZDataroomVersion = z.object({
  id: z.string(),
  number: z.number().int(),
  kind: z.enum(DATAROOM_VERSION_KINDS),
  format: z.enum(DATAROOM_FORMATS),
  state: z.enum(DATAROOM_VERSION_STATES),
  pageCount: z.number().int(),
  sizeBytes: z.number().int(),
  hasTextLayer: z.boolean(),
  createdAt: z.string(),
});
export type TDataroomVersion = z.infer<typeof ZDataroomVersion>;

export const ZDataroomDocument = z.object({
  id: z.string(),
  folderId: z.string().nullable(),
  title: z.string(),
  /** The version buyers see (released by the broker); null until one is released. */
  released: ZDataroomVersion.nullable(),
  /** Every version, newest first: managers only (empty for buyers). */
  versions: z.array(ZDataroomVersion),
  /** The caller's level on this document (managers: 'original'). */
  level: z.enum(DATAROOM_LEVELS),
  createdAt: z.string(),
});
export type TDataroomDocument = z.infer<typeof ZDataroomDocument>;

export const ZDataroomFolder = z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string() });
export type TDataroomFolder = z.infer<typeof ZDataroomFolder>;

export const ZDataroom = z.object({
  listingId: z.string(),
  listingCode: z.string(),
  role: z.enum(DATAROOM_ROLES),
  /** Buyers: when the L2 grant ends (every request checks it again). */
  accessUntil: z.string().nullable(),
  folders: z.array(ZDataroomFolder),
  documents: z.array(ZDataroomDocument),
  /** Whether Word/Excel files are converted (LibreOffice installed on the server). */
  conversionAvailable: z.boolean(),
  uploadMaxBytes: z.number().int(),
});
export type TDataroom = z.infer<typeof ZDataroom>;

export const ZDataroomSummary = z.object({
  listingId: z.string(),
  listingCode: z.string(),
  role: z.enum(DATAROOM_ROLES),
  documents: z.number().int(),
});
export const ZDataroomList = z.object({ items: z.array(ZDataroomSummary) });
export type TDataroomList = z.infer<typeof ZDataroomList>;

export const ZCreateFolderRequest = z.object({ name: ZTitle, parentId: ZId.nullable().default(null) });
export const ZReleaseVersionRequest = z.object({ versionId: ZId });

export const ZSetPermissionRequest = z.object({
  grantId: ZId,
  /** A folder grant sets every document in the folder (and its sub-folders) now; documents added later stay unseen. */
  target: z.object({ type: z.enum(['document', 'folder']), id: ZId }),
  level: z.enum(DATAROOM_LEVELS),
});
export type TSetPermissionRequest = z.infer<typeof ZSetPermissionRequest>;

export const ZPermissionMatrix = z.object({
  grants: z.array(
    z.object({
      grantId: z.string(),
      buyerAlias: z.string(),
      state: z.enum(GRANT_VIEW_STATES),
      active: z.boolean(),
      expiresAt: z.string().nullable(),
    }),
  ),
  documents: z.array(z.object({ id: z.string(), title: z.string(), folderId: z.string().nullable(), released: z.boolean() })),
  cells: z.array(z.object({ grantId: z.string(), documentId: z.string(), level: z.enum(DATAROOM_LEVELS) })),
});
export type TPermissionMatrix = z.infer<typeof ZPermissionMatrix>;

export const ZViewBeacon = z.object({
  documentId: ZId,
  page: z.number().int().min(1).max(10_000),
  /** Time the page was on screen since the last beacon, at most 10 minutes per beacon. */
  dwellMs: z.number().int().min(0).max(600_000),
});
export const ZViewBeacons = z.object({ beacons: z.array(ZViewBeacon).min(1).max(50) });

export const ZDataroomAnalytics = z.object({
  byViewer: z.array(
    z.object({ viewer: z.string(), views: z.number().int(), dwellMs: z.number().int(), lastViewedAt: z.string().nullable() }),
  ),
  byDocument: z.array(
    z.object({ documentId: z.string(), title: z.string(), views: z.number().int(), dwellMs: z.number().int(), viewers: z.number().int() }),
  ),
  byPage: z.array(z.object({ documentId: z.string(), page: z.number().int(), views: z.number().int(), dwellMs: z.number().int() })),
  /** Views per day (UTC+8 dates), for the chart. */
  byDay: z.array(z.object({ day: z.string(), views: z.number().int() })),
});
export type TDataroomAnalytics = z.infer<typeof ZDataroomAnalytics>;

export const ZQuestion = z.object({
  id: z.string(),
  documentId: z.string().nullable(),
  /** The asker's alias; "you" when the caller asked it. */
  askedBy: z.string(),
  mine: z.boolean(),
  text: z.string(),
  askedAt: z.string(),
  published: z.boolean(),
  answer: z.object({ text: z.string(), by: z.enum(['broker', 'seller']), answeredAt: z.string() }).nullable(),
});
export type TQuestion = z.infer<typeof ZQuestion>;
export const ZQuestionList = z.object({ items: z.array(ZQuestion) });
export const ZAskQuestionRequest = z.object({ text: ZPlainText(2000, 2), documentId: ZId.nullable().default(null) });
export const ZAnswerQuestionRequest = z.object({ text: ZPlainText(4000, 1) });
export const ZPublishQuestionRequest = z.object({ published: z.boolean() });

/** Boxes in page fractions (0..1 from the top-left corner), so they do not depend on the rendering size. */
export const ZRedactionBox = z.object({
  page: z.number().int().min(1),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().gt(0).max(1),
  h: z.number().gt(0).max(1),
});
export type TRedactionBox = z.infer<typeof ZRedactionBox>;
export const ZRedactionProposal = z.object({
  versionId: z.string(),
  pageCount: z.number().int(),
  /** False for scans: there is no text to search, and no Chinese OCR model runs offline — boxes are drawn by hand. */
  hasTextLayer: z.boolean(),
  proposals: z.array(ZRedactionBox.extend({ kind: z.string() })),
});
export type TRedactionProposal = z.infer<typeof ZRedactionProposal>;
export const ZApplyRedactionRequest = z.object({ versionId: ZId, boxes: z.array(ZRedactionBox).min(1).max(2000) });

export const ZIdentifyResult = z.object({
  found: z.boolean(),
  /** How strongly the hidden pattern was seen (≥ 7 counts; chance reaches about 5). */
  syncZ: z.number(),
  code: z.string().nullable(),
  listingCode: z.string().nullable(),
  viewer: z.string().nullable(),
  grantId: z.string().nullable(),
  documentTitle: z.string().nullable(),
  page: z.number().int().nullable(),
  renderedAt: z.string().nullable(),
  kind: z.enum(['view', 'download']).nullable(),
});
export type TIdentifyResult = z.infer<typeof ZIdentifyResult>;
