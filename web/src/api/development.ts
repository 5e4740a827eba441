// The development pipeline (docs/api.md "Development"): board, one case, applications and steps.
import { http } from './http';
import type { ListPage } from './types';
import type { components } from './openapi';

// The shapes are docs/openapi.yaml's (src/api/openapi.d.ts); only named here.
type Schemas = components['schemas'];

export type Stage = DevelopmentCase['stage'];
export type StepKind = CaseStep['kind'];

export type Reminder = Schemas['Reminder'];

export type DevelopmentCase = Schemas['DevelopmentCase'];

export type StepPerson = CaseStep['people'][number];

export type Vote = NonNullable<CaseStep['vote']>;

export type CaseStep = Schemas['CaseStep'];

export type CaseFacts = Schemas['CaseFacts'];

export type DevelopmentCaseDetail = Schemas['DevelopmentCaseDetail'];

export interface ApplicationInput {
  org_id: number;
  name: string;
  sex: string;
  ethnicity?: string;
  id_number: string;
  phone?: string;
  education?: string;
  work_unit?: string;
  applied_on: string;
  body?: string;
  doc_ref?: string;
  note?: string;
}

export interface StepInput {
  version: number;
  kind: StepKind;
  on: string;
  body?: string;
  doc_ref?: string;
  note?: string;
  people?: number[];
  vote?: { present: number; yes: number; written_yes: number; written_total: number };
  training_days?: number;
  training_hours?: number;
  decision?: string;
  extension_months?: number;
  higher_approval?: boolean;
}

/** The steps a case may take next, in the order of domain.md §2.1 (the server checks the rules). */
export function nextSteps(c: DevelopmentCaseDetail): StepKind[] {
  const f = c.facts;
  switch (c.stage) {
    case 'applicant':
      return f.talked_on ? ['activist'] : ['talk'];
    case 'activist':
      return ['target'];
    case 'target': {
      const out: StepKind[] = [];
      if (!f.political_review_on) out.push('political_review');
      if (!f.trained_on) out.push('training');
      if (!f.pre_reviewed_on) out.push('pre_review');
      return out.length ? out : ['admission_meeting'];
    }
    case 'probationary':
      if (!f.admission_approved_on) return ['admission_approval'];
      return f.pending_decision ? ['conversion_approval'] : ['conversion_meeting'];
    default:
      return [];
  }
}

export const developmentApi = {
  list: (q: { org_id?: number | null; stage?: Stage; limit?: number; cursor?: string | null }) =>
    http.get<ListPage<DevelopmentCase>>('/development-cases', { ...q }),
  get: (id: number) => http.get<DevelopmentCaseDetail>(`/development-cases/${id}`),
  apply: (input: ApplicationInput) => http.post<{ id: number }>('/development-cases', input),
  electorate: (orgId: number, on: string) =>
    http.get<{ org_id: number; on: string; electorate: number }>(`/orgs/${orgId}/electorate`, { as_of: on }),
  step: (id: number, input: StepInput) => http.post<DevelopmentCaseDetail>(`/development-cases/${id}/steps`, input),
};
