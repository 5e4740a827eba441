// An org's committee, headcount and rule warnings (docs/api.md "Committee").
import { http } from './http';

export type Post = 'secretary' | 'deputy_secretary' | 'organization' | 'publicity' | 'discipline' | 'member';
export const POSTS: Post[] = ['secretary', 'deputy_secretary', 'organization', 'publicity', 'discipline', 'member'];

export interface OrgPost {
  id: number;
  member_id: number;
  member_name: string;
  post: Post;
  term_start: string;
  valid_from: string;
  approval_doc: string;
}

export interface Committee {
  org_id: number;
  org_type: string;
  headcount: { full: number; probationary: number };
  /** own: a branch's own members; subtree: a general branch's or committee's whole membership. */
  headcount_scope: 'own' | 'subtree';
  posts: OrgPost[];
  term: { start: string; years: number; end: string } | null;
  warnings: { key: string; message: string }[];
  suggested_type: string;
}

export interface PostInput {
  member_id: number;
  post: Post;
  valid_from: string;
  term_start?: string;
  approval_doc?: string;
}

export const committeeApi = {
  get: (orgId: number, asOf?: string | null) =>
    http.get<Committee>(`/orgs/${orgId}/committee`, asOf ? { as_of: asOf } : undefined),
  appoint: (orgId: number, input: PostInput) => http.post<{ id: number }>(`/orgs/${orgId}/posts`, input),
  end: (orgId: number, postId: number, on: string) => http.post<void>(`/orgs/${orgId}/posts/${postId}/end`, { on }),
};
