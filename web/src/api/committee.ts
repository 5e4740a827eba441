// An org's committee, headcount and rule warnings (docs/api.md "Committee").
import { http } from './http';
import type { components } from './openapi';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];

export type Post = OrgPost['post'];
export const POSTS: Post[] = ['secretary', 'deputy_secretary', 'organization', 'publicity', 'discipline', 'member'];

export type OrgPost = Committee['posts'][number];

export type Committee = Schemas['Committee'];

export type PostInput = Schemas['PostRequest'];

export const committeeApi = {
  get: (orgId: number, asOf?: string | null) =>
    http.get<Committee>(`/orgs/${orgId}/committee`, asOf ? { as_of: asOf } : undefined),
  appoint: (orgId: number, input: PostInput) => http.post<{ id: number }>(`/orgs/${orgId}/posts`, input),
  end: (orgId: number, postId: number, on: string) => http.post<void>(`/orgs/${orgId}/posts/${postId}/end`, { on }),
};
