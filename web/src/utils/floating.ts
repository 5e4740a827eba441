// The floating-member form as the server wants it (docs/api.md "Floating members"): blanks left out, the
// participating org either an org of this system (by id) or one elsewhere (by name), never both; a phone left
// as shown (masked) is not sent back, so the stored one is kept.
import type { Floating, FloatingInput, FloatingReason } from '@/api/floating';

export interface FloatingForm {
  left_on: string;
  reason: FloatingReason;
  province: string;
  city: string;
  county: string;
  employer: string;
  phone: string;
  expected_return: string;
  fixed_place: boolean;
  certificate_no: string;
  cannot_transfer: boolean;
  cannot_transfer_reason: string;
  inside: boolean;  // the participating org is in this system
  participating_org_id: number | null;
  participating_org_name: string;
  participating_since: string;
}

export function blankFloatingForm(today: string): FloatingForm {
  return {
    left_on: today, reason: 'work', province: '', city: '', county: '', employer: '', phone: '', expected_return: '',
    fixed_place: true, certificate_no: '', cannot_transfer: false, cannot_transfer_reason: '', inside: true,
    participating_org_id: null, participating_org_name: '', participating_since: '',
  };
}

/** The form of an existing record (the outflow side's view); the masked phone is kept as shown. */
export function formOf(f: Floating, today: string): FloatingForm {
  const p = f.participating_org;
  return {
    ...blankFloatingForm(today),
    left_on: f.left_on ?? today, reason: f.reason ?? 'work', province: f.province ?? '', city: f.city ?? '',
    county: f.county ?? '', employer: f.employer ?? '', phone: f.phone ?? '', expected_return: f.expected_return ?? '',
    fixed_place: f.fixed_place ?? true, certificate_no: f.certificate_no, cannot_transfer: f.cannot_transfer ?? false,
    cannot_transfer_reason: f.cannot_transfer_reason ?? '', inside: !p || p.org_id != null,
    participating_org_id: p?.org_id ?? null, participating_org_name: p && p.org_id == null ? p.name : '',
    participating_since: p?.since ?? '',
  };
}

/** The request body; `shownPhone` is the (masked) phone the form was loaded with. */
export function floatingPayload(form: FloatingForm, shownPhone = ''): FloatingInput {
  const body: FloatingInput = {
    left_on: form.left_on, reason: form.reason, province: form.province.trim(), city: form.city.trim(),
    county: form.county.trim(), employer: form.employer.trim(), fixed_place: form.fixed_place,
    certificate_no: form.certificate_no.trim(), cannot_transfer: form.cannot_transfer,
  };
  const phone = form.phone.trim();
  if (phone !== shownPhone && !phone.includes('*')) body.phone = phone;
  if (form.expected_return) body.expected_return = form.expected_return;
  if (form.cannot_transfer) body.cannot_transfer_reason = form.cannot_transfer_reason.trim();
  if (form.inside && form.participating_org_id != null) body.participating_org_id = form.participating_org_id;
  if (!form.inside && form.participating_org_name.trim()) body.participating_org_name = form.participating_org_name.trim();
  const named = body.participating_org_id != null || body.participating_org_name;
  if (named && form.participating_since) body.participating_since = form.participating_since;
  return body;
}

/** Whole months between two YYYY-MM-DD dates (for the "more than six months" hint next to the certificate). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** The certificate (活动证) serves absences of up to `maxMonths` (the policy floating.certificate_max_months in
 * force for the member's org) or members who cannot transfer yet (§5.3). */
export function certificateAllowed(form: Pick<FloatingForm, 'left_on' | 'expected_return' | 'cannot_transfer'>,
  maxMonths: number): boolean {
  if (form.cannot_transfer) return true;
  if (!form.expected_return || !form.left_on) return false;
  const m = monthsBetween(form.left_on, form.expected_return);
  return m < maxMonths || (m === maxMonths && Number(form.expected_return.slice(8)) <= Number(form.left_on.slice(8)));
}
