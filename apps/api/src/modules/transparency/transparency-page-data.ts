import {
  ZTransparencyReport,
  ZTransparencyReportList,
  type TTransparencyReport,
  type TTransparencyReportList,
} from '@sealbridge/contracts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { TransparencyService } from './transparency-service.ts';

/**
 * What the server-rendered `/privacy/transparency` may show: exactly the public routes' answers (published reports
 * only, parsed with the same response schemas), so the HTML can never hold a draft or a field the API would not send.
 */
export function transparencyPageData(service: TransparencyService) {
  return {
    async transparencyReports(): Promise<TTransparencyReportList> {
      return ZTransparencyReportList.parse(await service.listPublished());
    },
    async transparencyReport(period: string): Promise<TTransparencyReport | null> {
      try {
        return ZTransparencyReport.parse(await service.getPublished(period));
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
  };
}
