import { http } from './http';
import type { CreatedUser, Grant, ListPage, Role, User } from './types';

export interface UserQuery {
  org_id?: number | null;
  q?: string;
  limit?: number;
  cursor?: string | null;
}

export interface NewUser {
  username: string;
  display_name: string;
  role: string;
  org_id: number;
}

export const userApi = {
  list: (q: UserQuery) => http.get<ListPage<User>>('/users', { ...q }),
  get: (id: number) => http.get<User>(`/users/${id}`),
  create: (u: NewUser) => http.post<CreatedUser>('/users', u),
  grant: (id: number, role: string, org_id: number) => http.post<Grant>(`/users/${id}/grants`, { role, org_id }),
  revoke: (id: number, grantId: number) => http.del<void>(`/users/${id}/grants/${grantId}`),
  reset: (id: number) => http.post<{ setup_link: string }>(`/users/${id}/reset`),
  unlock: (id: number) => http.post<void>(`/users/${id}/unlock`),
  disable: (id: number) => http.post<void>(`/users/${id}/disable`),
  enable: (id: number) => http.post<void>(`/users/${id}/enable`),
  roles: () => http.get<{ items: Role[] }>('/roles'),
};
