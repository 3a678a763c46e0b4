import { createStaffAdmin } from './staff-admin.ts';
import { createStaffBreakGlass } from './staff-break-glass.ts';
import { createStaffProgram } from './staff-program.ts';
import { createStaffReviews } from './staff-reviews.ts';
import { createStaffTraining } from './staff-training.ts';
import type { StaffDeps } from './staff-types.ts';

export type StaffService = ReturnType<typeof createStaffService>;

/** Staff lifecycle: administration and offboarding, agreement and training, access reviews, break-glass. */
export function createStaffService(deps: StaffDeps) {
  return {
    admin: createStaffAdmin(deps),
    training: createStaffTraining(deps),
    reviews: createStaffReviews(deps),
    breakGlass: createStaffBreakGlass(deps),
    program: createStaffProgram(deps),
  };
}
