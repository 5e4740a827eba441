// nextSteps offers only the steps domain.md §2.1 allows next; the server still checks every rule.
import { describe, expect, it } from 'vitest';
import { nextSteps, type DevelopmentCaseDetail } from '@/api/development';

const facts: Record<string, string | number | null> = {
  talked_on: null, activist_on: null, target_on: null, political_review_on: null, trained_on: null,
  pre_reviewed_on: null, join_date: null, admission_approved_on: null, probation_end: null, extension_months: 0,
  pending_decision: null, conversion_date: null,
};
const at = (stage: DevelopmentCaseDetail['stage'], f: Partial<typeof facts> = {}) =>
  ({ stage, facts: { ...facts, ...f } }) as unknown as DevelopmentCaseDetail;

describe('nextSteps', () => {
  it('asks for the talk before the activist decision', () => {
    expect(nextSteps(at('applicant'))).toEqual(['talk']);
    expect(nextSteps(at('applicant', { talked_on: '2025-01-02' }))).toEqual(['activist']);
  });
  it('offers the target records still missing, then the general meeting', () => {
    expect(nextSteps(at('target'))).toEqual(['political_review', 'training', 'pre_review']);
    expect(nextSteps(at('target', { political_review_on: 'x', trained_on: 'x' }))).toEqual(['pre_review']);
    expect(nextSteps(at('target', { political_review_on: 'x', trained_on: 'x', pre_reviewed_on: 'x' }))).toEqual(['admission_meeting']);
  });
  it('walks a probationary member through approval, conversion meeting and its approval', () => {
    expect(nextSteps(at('probationary'))).toEqual(['admission_approval']);
    expect(nextSteps(at('probationary', { admission_approved_on: 'x' }))).toEqual(['conversion_meeting']);
    expect(nextSteps(at('probationary', { admission_approved_on: 'x', pending_decision: 'extend' }))).toEqual(['conversion_approval']);
  });
  it('has nothing after the end', () => {
    expect(nextSteps(at('full'))).toEqual([]);
    expect(nextSteps(at('disqualified'))).toEqual([]);
  });
});
