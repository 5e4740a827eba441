// How a policy value reads: a number with its unit (3 个月), a choice by its label.
import type { PolicySpec } from '@/api/types';

export function policyValueText(spec: Pick<PolicySpec, 'kind' | 'choices' | 'unit_label'>, v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  if (spec.kind === 'choice') return spec.choices.find((c) => c.value === String(v))?.label ?? String(v);
  return spec.unit_label ? `${v} ${spec.unit_label}` : String(v);
}

/** Days strictly before `today` (YYYY-MM-DD, Asia/Shanghai) cannot be chosen: a change never reaches back. */
export function beforeDay(today: string): (d: Date) => boolean {
  return (d: Date) => {
    const s = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return s < today;
  };
}
