// The search form for a lost-contact member (domain.md §2.5, seed 004): what is sent, and the fields refused
// before sending (the day not in the future nor before contact was lost, who 1–30, the result 1–500).
import { describe, expect, it } from 'vitest';
import { blankSearchForm, searchFormErrors, searchPayload } from '@/utils/searches';

describe('search form', () => {
  it('sends the entry trimmed, with found', () => {
    const form = { ...blankSearchForm('2026-11-23'), method: 'visit' as const, searched_by: ' 支部书记李某 ',
      result: ' 上门走访，邻居称已搬离 ', found: true };
    expect(searchPayload(form)).toEqual({ on: '2026-11-23', method: 'visit', searched_by: '支部书记李某',
      result: '上门走访，邻居称已搬离', found: true });
  });

  it('names every field that is surely wrong', () => {
    const blank = blankSearchForm('2026-11-23');
    expect(searchFormErrors(blank, '2026-03-01', '2026-11-23')).toEqual({
      method: 'searches.form.methodRequired', searched_by: 'searches.form.byRule', result: 'searches.form.resultRule',
    });
    const ok = { ...blank, method: 'phone' as const, searched_by: '李'.repeat(30), result: '已停机' };
    expect(searchFormErrors(ok, '2026-03-01', '2026-11-23')).toEqual({});
    expect(searchFormErrors({ ...ok, searched_by: '李'.repeat(31) }, null, '2026-11-23')).toEqual({ searched_by: 'searches.form.byRule' });
    expect(searchFormErrors({ ...ok, on: '2026-02-28' }, '2026-03-01', '2026-11-23')).toEqual({ on: 'searches.form.onBeforeLost' });
    expect(searchFormErrors({ ...ok, on: '2026-11-24' }, '2026-03-01', '2026-11-23')).toEqual({ on: 'searches.form.onFuture' });
    expect(searchFormErrors({ ...ok, on: '' }, '2026-03-01', '2026-11-23')).toEqual({ on: 'searches.form.onRequired' });
    expect(searchFormErrors({ ...ok, result: 'x'.repeat(501) }, null, '2026-11-23')).toEqual({ result: 'searches.form.resultRule' });
  });
});
