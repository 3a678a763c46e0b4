/** Customer education (issue 19 item 6): guides and in-flow tips as content the privacy officer edits. */
export { EDUCATION_AUDIT_EVENTS } from './education-audit-events.ts';
export { createEducationRepo, type EducationRepo } from './education-repo.ts';
export { educationRoutes } from './education-routes.ts';
export { createEducationService, type EducationService } from './education-service.ts';
