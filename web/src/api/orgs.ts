import { http } from './http';
import type { ListPage, Org, OrgDetail } from './types';

const asOf = (d?: string | null) => (d ? { as_of: d } : undefined);

export const orgApi = {
  roots: (as_of?: string | null) => http.get<{ items: Org[] }>('/orgs/roots', asOf(as_of)),
  children: (id: number, as_of?: string | null) => http.get<{ items: Org[] }>(`/orgs/${id}/children`, asOf(as_of)),
  get: (id: number, as_of?: string | null) => http.get<OrgDetail>(`/orgs/${id}`, asOf(as_of)),
};

export type OrgList = ListPage<Org>;
