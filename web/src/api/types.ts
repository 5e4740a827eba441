// Shapes of the lianxin HTTP API v1, named for the app. Each shape is written once, in docs/openapi.yaml
// (issue 16 "Each shape once"): ./openapi.d.ts is generated from it by `npm run gen:types`
// (openapi-typescript; tests/unit/api-types.spec.ts fails when it is stale), and the integration suite checks
// every JSON answer of the server against the same schemas. This file only gives them short names: change a
// shape in docs/openapi.yaml, never here. Field names are the server's snake_case.
import type { components, operations } from './openapi';

export type Schemas = components['schemas'];

/**
 * The query parameters of an operation of docs/openapi.yaml (by operationId). Each may also be null, which the
 * http client leaves out of the URL as it does undefined (a cleared filter).
 */
export type QueryOf<Op extends keyof operations> = {
  [K in keyof NonNullable<operations[Op]['parameters']['query']>]?: NonNullable<
    operations[Op]['parameters']['query']
  >[K] | null;
};
/** The JSON request body of an operation of docs/openapi.yaml (by operationId). */
export type BodyOf<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Session = Schemas['Session'];
export type SessionUser = Schemas['SessionUser'];
/** What a role permits on its grant's subtree (docs/openapi.yaml Permission; each route names one as x-permission). */
export type Permission = Schemas['Permission'];
export type MfaState = Session['mfa'];
export type RoleCode = Schemas['Role'];
export type Grant = Schemas['Grant'];
export type Role = Schemas['RoleInfo'];

/** A page of a list route (UserPage, MemberPage, AuditPage … in docs/openapi.yaml all have this shape). */
export interface ListPage<T> {
  items: T[];
  next_cursor: string | null;
}

export type SetupInfo = Schemas['SetupInfo'];
export type TotpEnrollment = Schemas['TotpEnrollment'];

export type Org = Schemas['Org'];
export type OrgType = Org['org_type'];
export type Place = Schemas['Place'];
export type OrgDetail = Schemas['OrgDetail'];

export type User = Schemas['User'];
export type SetupLink = Schemas['SetupLink'];
/** The answer of a create that names only the new row's id. */
export type CreatedId = Schemas['CreatedId'];
export type CreatedUser = Schemas['CreatedUser'];

export type Member = Schemas['Member'];
export type MemberTag = Member['tags'][number];
/** Formal affiliation over time, oldest first (one record's view only). */
export type Affiliation = Member['affiliations'][number];
/** The list answers the same (masked) record as one member's view. */
export type MemberSummary = Member;

export type Me = Schemas['Me'];
export type MyTransfer = Me['transfers'][number];
export type RecordView = Schemas['ViewEntry'];

export type AuditEntry = Schemas['AuditEntry'];
/** GET /audit/verify: the same facts as `lianxin check` (docs/api.md). */
export type AuditVerify = Schemas['AuditVerification'];
export type AuditProblem = NonNullable<AuditVerify['problem']>;

export type FieldError = Schemas['FieldError'];
/** The error body; `rows` names the sheet rows of a refused import undo (import.undo_changed). */
export type ErrorBody = Schemas['Error'];

// ---- Policies (docs/api.md "Policies") ----

/** A key of the policy catalogue: its type, bounds and national default. */
export type PolicySpec = Schemas['PolicySpec'];
export type PolicyChoice = PolicySpec['choices'][number];
/** One row of a key's history: a value set by an org for its subtree from a date, with its 文号. */
export type PolicySetting = Schemas['PolicySetting'];
export type PolicyList = Schemas['PolicyList'];
export type PolicyItem = PolicyList['items'][number];
export type CalendarYear = Schemas['CalendarYear'];
export type Open311Key = Schemas['Open311Key'];
export type CalendarDay = Schemas['CalendarDay'];
