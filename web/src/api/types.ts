// Shapes of the lianxin HTTP API v1 (docs/api.md). Field names are the server's snake_case.

export type MfaState = 'none' | 'enroll' | 'verify' | 'ok';

export type RoleCode =
  | 'sys_admin' | 'sec_admin' | 'audit_admin' | 'org_admin' | 'branch_secretary' | 'member' | string;

/** What a role permits on its grant's subtree (docs/openapi.yaml Permission; each route names one as x-permission). */
export type Permission =
  | 'org_read' | 'org_write' | 'member_read' | 'member_reveal' | 'member_write' | 'transfer_issue'
  | 'user_read' | 'user_manage' | 'user_unlock' | 'audit_read';

export interface Grant {
  id: number;
  role: RoleCode;
  role_name?: string;
  org_id: number;
  org_name: string;
  permissions?: Permission[];
}

export interface SessionUser {
  id: number;
  username: string;
  display_name: string;
  member_id: number | null;
}

export interface Session {
  user: SessionUser;
  csrf_token: string;
  mfa: MfaState;
  grants: Grant[];
  /** held on at least one org */
  permissions: Permission[];
}

export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
}

export interface SetupInfo {
  valid: boolean;
  username_hint: string | null;
  purpose: 'first_admin' | 'user_password';
}

export interface TotpEnrollment {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

export interface Role {
  role: RoleCode;
  name_zh: string;
  name_en: string;
  admin: boolean;
  permissions?: Permission[];
}

export type OrgType =
  | 'district_committee' | 'street_working_committee' | 'grassroots_committee' | 'general_branch'
  | 'branch' | 'joint_branch' | 'temporary_branch' | string;

export interface Place {
  kind: 'district' | 'street' | 'community' | 'compound' | 'building' | string;
  name: string;
}

export interface Org {
  id: number;
  parent_id: number | null;
  name: string;
  short_name: string | null;
  org_type: OrgType;
  org_type_name: string;
  place: Place | null;
  child_count: number;
  member_count: number;
  valid_from: string | null;
  valid_to: string | null;
}

export interface OrgDetail extends Org {
  ancestors: { id: number; name: string }[];
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  status: 'active' | 'disabled' | 'pending';
  locked: boolean;
  mfa_enrolled: boolean;
  member_id: number | null;
  grants: Grant[];
  created_at: string;
}

export interface CreatedUser {
  user: User;
  setup_link: string;
}

export type MemberTag = 'in_service' | 'retired' | 'floating' | 'lost_contact' | string;

export interface Member {
  id: number;
  org_id: number;
  org_name: string;
  name: string;
  sex: 'male' | 'female' | string | null;
  ethnicity: string | null;
  birth_date: string | null;
  id_number: string | null;
  phone: string | null;
  education: string | null;
  category: 'full' | 'probationary' | string;
  status: 'normal' | 'stopped' | string;
  join_date: string | null;
  conversion_date: string | null;
  party_age: number | null;
  work_unit: string | null;
  address: string | null;
  tags: MemberTag[];
  skills?: string[];
  occupation?: string;
  floating_to?: string;
  lost_contact_on?: string | null;
  reminders?: { key: string; due: string; overdue: boolean; message: string }[];
  status_since?: string | null;
  status_changes?: { action: string; on: string; ground: string; doc_ref: string; reason: string }[];
  version?: number;
  /** Formal affiliation over time, oldest first (one record's view only). */
  affiliations?: Affiliation[];
}

export interface Affiliation {
  org_id: number;
  org_name: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface MyTransfer {
  id: number;
  kind: 'within' | 'out' | 'in';
  state: 'requested' | 'issued' | 'accepted' | 'closed' | 'refused' | 'cancelled';
  from_org_name: string;
  to_org_name: string;
  requested_on: string;
  accepted_on: string | null;
  receipt_on: string | null;
}

/** The list endpoint answers a masked summary; the contract does not fix its fields, so all are optional
 *  except the ones a row cannot do without. */
export type MemberSummary = Pick<Member, 'id' | 'name'> & Partial<Omit<Member, 'id' | 'name'>>;

export interface Me {
  user: SessionUser;
  member: Member | null;
  transfers?: MyTransfer[];
}

export interface RecordView {
  at: string;
  viewer_name: string;
  viewer_org: string;
  action: string;
  /** The reason stated for a reveal or a full export (empty otherwise). */
  reason?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_org: string | null;
  /** The org of the object acted on: the row is filed under it (issue 15 defect 5). */
  object_org_id: number | null;
  object_org: string | null;
  ip: string | null;
  action: string;
  object_type: string | null;
  object_id: string | number | null;
  result: string;
  request_id: string | null;
}

export type AuditProblem =
  | 'mac' | 'link' | 'plain_after_mac' | 'head' | 'missing_tail' | 'checkpoint' | 'checkpoint_invalid';
/** GET /audit/verify: the same facts as `lianxin check` (docs/api.md). */
export interface AuditVerify {
  ok: boolean;
  rows: number;
  last_id: number;
  legacy_rows: number;
  checkpoint: { head_id: number; at: string } | null;
  checkpoint_invalid: boolean;
  first_broken_id?: number;
  problem?: AuditProblem;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    request_id?: string;
    fields?: FieldError[];
    /** Sheet row numbers, e.g. the rows of an import whose members changed since (import.undo_changed). */
    rows?: number[];
  };
}

// ---- Policies (docs/api.md "Policies") ----

export interface PolicyChoice {
  value: string;
  label: string;
}

/** A key of the policy catalogue: its type, bounds and national default. */
export interface PolicySpec {
  key: string;
  name: string;
  description: string;
  kind: 'int' | 'choice';
  unit: string;
  unit_label: string;
  min: number | null;
  max: number | null;
  choices: PolicyChoice[];
  default: number | string;
}

/** One row of a key's history: a value set by an org for its subtree from a date, with its 文号. */
export interface PolicySetting {
  id: number;
  org: { id: number; name: string };
  valid_from: string;
  valid_to: string | null;
  withdrawn: boolean;
  value: number | string;
  doc: string;
  set_by: string;
  set_at: string;
}

export interface PolicyItem extends PolicySpec {
  value: number | string;
  source: string;
  confidence: string;
  in_force: PolicySetting | null;
  pending: PolicySetting[];
}

export interface PolicyList {
  org: { id: number; name: string };
  as_of: string;
  can_edit: boolean;
  items: PolicyItem[];
}
