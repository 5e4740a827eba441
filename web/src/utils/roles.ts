// What a user's grants allow, for showing or hiding a button (the server decides on every call; this is
// presentation only). Mirrors RoleHas in src/core/auth/role.cpp.
import type { Grant } from '@/api/types';

/** Roles holding member_reveal: the full ID number and phone, with a stated reason (audited). */
export const REVEAL_ROLES: readonly string[] = ['org_admin', 'branch_secretary'];
/** Roles holding member_write: registry changes, development steps, imports. */
export const MEMBER_WRITE_ROLES: readonly string[] = ['org_admin', 'branch_secretary'];

export function hasAnyRole(grants: readonly Pick<Grant, 'role'>[] | null | undefined, roles: readonly string[]): boolean {
  return !!grants?.some((g) => roles.includes(g.role));
}
/** Roles holding org_write: reorganize the orgs below the grant's org (create, rename, move, merge, split, dissolve). */
export const ORG_WRITE_ROLES: readonly string[] = ['org_admin'];
