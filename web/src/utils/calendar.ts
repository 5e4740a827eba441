// Month grids of the 工作日历 page: each month as weeks from Monday, blanks before the 1st.

export interface DayCell {
  date: string; // YYYY-MM-DD
  day: number;
  weekend: boolean;
}

/** The cells of month `m` (1–12) of `year`: null for the blanks before the 1st (weeks start on Monday). */
export function monthGrid(year: number, m: number): (DayCell | null)[] {
  const first = new Date(Date.UTC(year, m - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const cells: (DayCell | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) {
    const wd = (lead + d - 1) % 7;
    cells.push({ date: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, day: d, weekend: wd >= 5 });
  }
  return cells;
}
