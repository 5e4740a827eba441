// The floating-member form (domain.md §5.3): what is sent, and the certificate hint (≤ 6 months or "cannot
// transfer yet").
import { describe, expect, it } from 'vitest';
import type { Floating } from '@/api/floating';
import { blankFloatingForm, certificateAllowed, floatingPayload, formOf, monthsBetween } from '@/utils/floating';

const record: Floating = {
  id: 7, name: '张三', sex: 'male', age: 40, category: 'full', org_name: '绿苑小区党支部', certificate_no: '闽流-1',
  participating_org: { org_id: null, name: '深圳某园区流动党员党支部', since: '2026-09-10' }, open: true, minimal: false,
  side: { outflow: true, inflow: false }, actions: ['edit'], notes: [], left_on: '2026-09-01', reason: 'business',
  province: '广东省', city: '深圳市', county: '南山区', employer: '某公司', phone: '139****1111', expected_return: null,
  fixed_place: true, cannot_transfer: true, cannot_transfer_reason: '单位无党组织', version: 3,
};

describe('floating form', () => {
  it('sends a new record without blanks, with an org of this system by id', () => {
    const form = { ...blankFloatingForm('2026-11-23'), province: ' 广东省 ', city: '深圳市', county: '南山区',
      phone: '13900001111', participating_org_id: 42, participating_since: '2026-11-01' };
    expect(floatingPayload(form)).toEqual({
      left_on: '2026-11-23', reason: 'work', province: '广东省', city: '深圳市', county: '南山区', employer: '',
      fixed_place: true, certificate_no: '', cannot_transfer: false, phone: '13900001111', participating_org_id: 42,
      participating_since: '2026-11-01',
    });
  });

  it('keeps the stored phone when the masked one comes back, and an org elsewhere by name', () => {
    const form = formOf(record, '2026-11-23');
    expect(form.inside).toBe(false);
    expect(form.participating_org_name).toBe('深圳某园区流动党员党支部');
    const body = floatingPayload(form, record.phone);
    expect(body.phone).toBeUndefined();
    expect(body.participating_org_id).toBeUndefined();
    expect(body.participating_org_name).toBe('深圳某园区流动党员党支部');
    expect(body.cannot_transfer_reason).toBe('单位无党组织');
    expect(body.expected_return).toBeUndefined();
    expect(floatingPayload({ ...form, phone: '13700000000' }, record.phone).phone).toBe('13700000000');
  });

  it('drops the since date when no organization is named', () => {
    const form = { ...blankFloatingForm('2026-11-23'), participating_since: '2026-11-01' };
    expect(floatingPayload(form).participating_since).toBeUndefined();
  });

  // §5.3 "Certificate scope": short absences (≤ 6 months) or "cannot transfer yet".
  it('allows the certificate up to six months away or when the relationship cannot be transferred yet', () => {
    expect(monthsBetween('2026-09-01', '2027-03-01')).toBe(6);
    expect(monthsBetween('2026-09-15', '2027-03-14')).toBe(5);
    expect(certificateAllowed({ left_on: '2026-09-01', expected_return: '2027-03-01', cannot_transfer: false }, 6)).toBe(true);
    expect(certificateAllowed({ left_on: '2026-09-01', expected_return: '2027-03-02', cannot_transfer: false }, 6)).toBe(false);
    expect(certificateAllowed({ left_on: '2026-09-01', expected_return: '', cannot_transfer: false }, 6)).toBe(false);
    expect(certificateAllowed({ left_on: '2026-09-01', expected_return: '2028-01-01', cannot_transfer: true }, 6)).toBe(true);
  });
});
