import type { AuditPort } from '../audit/index.ts';
import type { DisclosureAccess } from '../disclosure/index.ts';
import type { NotificationsPort } from '../notifications/index.ts';
import type { Vault } from '../vault/index.ts';
import type { RoomAccess } from './dataroom-access.ts';
import type { SealedFiles } from './dataroom-blobs.ts';
import type { DataroomRepo } from './dataroom-repo.ts';
import type { OfficeConverter } from './office-conversion.ts';
import type { WatermarkLayout } from './watermark/pattern.ts';

/** What a viewer's watermark says about them: a masked name (never the full one) and the customer number. */
export type ViewerIdentity = { maskedName: string; accountNo: string };

/** The dependencies every data room operation shares (built once by createDataroomService). */
export type DataroomContext = {
  repo: DataroomRepo;
  roomAccess: RoomAccess;
  access: DisclosureAccess;
  files: SealedFiles;
  audit: AuditPort;
  vault: Pick<Vault, 'createDataRoomSubject' | 'findSubject' | 'sealFileStream' | 'openFileStream' | 'eraseSubject'>;
  notifications: NotificationsPort | undefined;
  converter: OfficeConverter;
  viewerIdentity: (accountId: string) => Promise<ViewerIdentity>;
  layout: WatermarkLayout;
  uploadMaxBytes: number;
  now: () => Date;
};
