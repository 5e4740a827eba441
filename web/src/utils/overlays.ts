// Pure helpers of the overlay views (区域化党建): the roster as the dialog edits it, the turn that comes next, the
// form's two-new default. The rules themselves live on the server (core/org/overlay, core/org/rotation).
import type { OverlayDetail, OverlayUnit, Turn, UnitType } from '@/api/overlays';

/** Non-public enterprises and social organizations are "two-new" organizations (domain.md §9). */
export function defaultTwoNew(t: UnitType): boolean {
  return t === 'non_public_enterprise' || t === 'social_org';
}

/** Units still on the overlay (no leaving day). */
export function activeUnits(units: OverlayUnit[]): OverlayUnit[] {
  return units.filter((u) => !u.left_on);
}

/** The active units in the order they convene: the roster first, then the units not in it, in joining order. */
export function rosterOrder(d: Pick<OverlayDetail, 'units' | 'rotation'>): OverlayUnit[] {
  const active = activeUnits(d.units);
  const byId = new Map(active.map((u) => [u.id, u]));
  const inRoster = d.rotation.order.map((id) => byId.get(id)).filter((u): u is OverlayUnit => !!u);
  const rest = active.filter((u) => !d.rotation.order.includes(u.id));
  return [...inRoster, ...rest];
}

/** A copy of `list` with item `i` moved by `delta` places (−1 up, +1 down); unchanged at either end. */
export function moveItem<T>(list: readonly T[], i: number, delta: number): T[] {
  const out = [...list];
  const j = i + delta;
  if (i < 0 || i >= out.length || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Who takes over at the next handover: the turn after the current one, or the first turn before the rotation starts. */
export function nextTurn(turns: readonly Turn[]): Turn | null {
  if (!turns.length) return null;
  if (turns[0].current) return turns[1] ?? null;
  return turns[0];
}

/** The last day of a turn (its `until` is exclusive). */
export function lastDay(until: string): string {
  const d = new Date(`${until}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
