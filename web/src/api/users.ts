import { http } from './http';
import type { BodyOf, CreatedUser, Grant, ListPage, QueryOf, Role, SetupLink, User } from './types';

/** GET /users's filters and paging (docs/openapi.yaml listUsers). */
export type UserQuery = QueryOf<'listUsers'>;
export type NewUser = BodyOf<'createUser'>;
export type NewGrant = BodyOf<'addGrant'>;

export const userApi = {
  list: (q: UserQuery) => http.get<ListPage<User>>('/users', { ...q }),
  get: (id: number) => http.get<User>(`/users/${id}`),
  create: (u: NewUser) => http.post<CreatedUser>('/users', u),
  /** `narrow`: a grid worker's / leader's grids, a unit liaison's member unit (issue 17). */
  grant: (id: number, role: NewGrant['role'], org_id: number, narrow: Pick<NewGrant, 'grid_ids' | 'overlay_unit_id'> = {}) =>
    http.post<Grant>(`/users/${id}/grants`, { role, org_id, ...narrow } satisfies NewGrant),
  revoke: (id: number, grantId: number) => http.del<void>(`/users/${id}/grants/${grantId}`),
  reset: (id: number) => http.post<SetupLink>(`/users/${id}/reset`),
  unlock: (id: number) => http.post<void>(`/users/${id}/unlock`),
  disable: (id: number) => http.post<void>(`/users/${id}/disable`),
  enable: (id: number) => http.post<void>(`/users/${id}/enable`),
  roles: () => http.get<{ items: Role[] }>('/roles'),
};
