import { http } from './http';
import type { AuditEntry, AuditVerify, ListPage, QueryOf } from './types';

/** GET /audit's filters and paging (docs/openapi.yaml listAudit). */
export type AuditQuery = QueryOf<'listAudit'>;

export const auditApi = {
  list: (q: AuditQuery) => http.get<ListPage<AuditEntry>>('/audit', { ...q }),
  verify: () => http.get<AuditVerify>('/audit/verify'),
};
