// The search form for a lost-contact member (domain.md §2.5, seed 004): what is sent, and the fields refused
// before sending (the day not in the future nor before contact was lost, who 1–30, the result 1–500).
import { describe, expect, it } from 'vitest';
import { blankLostContactForm, lostContactFormErrors, lostContactPayload } from '@/utils/lostContact';

describe('search form', () => {
  it('sends the entry trimmed, with found', () => {
    const form = { ...blankLostContactForm('2026-11-23'), method: 'visit' as const, searched_by: ' 支部书记李某 ',
      result: ' 上门走访，邻居称已搬离 ', found: true };
    expect(lostContactPayload(form)).toEqual({ on: '2026-11-23', method: 'visit', searched_by: '支部书记李某',
      result: '上门走访，邻居称已搬离', found: true });
  });

  it('names every field that is surely wrong', () => {
    const blank = blankLostContactForm('2026-11-23');
    expect(lostContactFormErrors(blank, '2026-03-01', '2026-11-23')).toEqual({
      method: 'lostContact.form.methodRequired', searched_by: 'lostContact.form.byRule', result: 'lostContact.form.resultRule',
    });
    const ok = { ...blank, method: 'phone' as const, searched_by: '李'.repeat(30), result: '已停机' };
    expect(lostContactFormErrors(ok, '2026-03-01', '2026-11-23')).toEqual({});
    expect(lostContactFormErrors({ ...ok, searched_by: '李'.repeat(31) }, null, '2026-11-23')).toEqual({ searched_by: 'lostContact.form.byRule' });
    expect(lostContactFormErrors({ ...ok, on: '2026-02-28' }, '2026-03-01', '2026-11-23')).toEqual({ on: 'lostContact.form.onBeforeLost' });
    expect(lostContactFormErrors({ ...ok, on: '2026-11-24' }, '2026-03-01', '2026-11-23')).toEqual({ on: 'lostContact.form.onFuture' });
    expect(lostContactFormErrors({ ...ok, on: '' }, '2026-03-01', '2026-11-23')).toEqual({ on: 'lostContact.form.onRequired' });
    expect(lostContactFormErrors({ ...ok, result: 'x'.repeat(501) }, null, '2026-11-23')).toEqual({ result: 'lostContact.form.resultRule' });
  });
});
