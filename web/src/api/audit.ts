import { http } from './http';
import type { AuditEntry, AuditVerify, ListPage } from './types';

export interface AuditQuery {
  action?: string;
  actor?: string;
  from?: string | null;
  to?: string | null;
  limit?: number;
  cursor?: string | null;
}

export const auditApi = {
  list: (q: AuditQuery) => http.get<ListPage<AuditEntry>>('/audit', { ...q }),
  verify: () => http.get<AuditVerify>('/audit/verify'),
};
