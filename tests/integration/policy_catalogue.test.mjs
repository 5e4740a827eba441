// `lianxin policy list --json` lists every [LOCAL]/[UNKNOWN] rule the code uses (issue 16 "Done when"): the keys it
// prints are exactly the catalogue's (core/policy/catalogue.hpp), each is the figure of a rule the code reads (the
// list below, with its domain.md section), and each key's constant is read by code outside the catalogue, its
// messages and tests — a key nobody reads, or a rule read without a key, fails here. The 29 February rule
// (domain.md §2.3 [UNKNOWN]) is a choice key: its choices are served, mar_1 is accepted from today, others named.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer } from './lib/server.mjs';
import { setupCast } from './lib/actors.mjs';

// The figures the code uses that domain.md tags [LOCAL] or [UNKNOWN] (or that differ locally), and their section.
// 公示 days (§2.2 row 23) are not here: no step of the pipeline records a 公示 yet, and no key is added unused.
const FIGURES = {
  'transfer.max_validity_days': '§5.2',
  'transfer.max_validity_days_cross_province': '§5.2',
  'transfer.receipt_within_months': '§5.2',
  'transfer.in_transit_alert_months': '§5.2',
  'floating.certificate_max_months': '§5.3',
  'floating.transfer_after_months': '§5.3',
  'floating.report_every_months': '§5.3',
  'lost_contact.search_every_months': '§2.5',
  'development.application_to_activist_months': '§2.2 row 4',
  'member.leap_day_anniversary': '§2.3',
  // SLA limits per class (issue 17 "SLA"; §7.4 time limits [UNKNOWN]) and the due-soon warning.
  'event.sla_general_unit': '§7.4',
  'event.sla_general_respond_minutes': '§7.4',
  'event.sla_general_handle': '§7.4',
  'event.sla_general_close': '§7.4',
  'event.sla_complex_unit': '§7.4',
  'event.sla_complex_respond_minutes': '§7.4',
  'event.sla_complex_handle': '§7.4',
  'event.sla_complex_close': '§7.4',
  'event.sla_utility_unit': '§7.4',
  'event.sla_utility_respond_minutes': '§7.4',
  'event.sla_utility_handle': '§7.4',
  'event.sla_utility_close': '§7.4',
  'event.sla_emergency_unit': '§7.4',
  'event.sla_emergency_respond_minutes': '§7.4',
  'event.sla_emergency_handle': '§7.4',
  'event.sla_emergency_close': '§7.4',
  'event.warn_before_percent': '§7.4',
  // Residents' reports (issue 17): photo limits, photos per event, the one-time code's guards.
  'media.photo_max_bytes': '§7.2',
  'media.photo_max_pixels': '§7.2',
  'media.photo_max_edge': '§7.2',
  'event.photos_max': '§7.2',
  'otp.code_ttl_minutes': '§7.2',
  'otp.max_tries': '§7.2',
  'otp.sends_per_hour_phone': '§7.2',
  'otp.sends_per_hour_address': '§7.2',
  'otp.token_ttl_minutes': '§7.2',
  // Grids (issue 17): the [LOCAL] 300–500 households, and the most vertices a boundary may have (issue 17 "Bad input").
  'grid.households_min': '§7.1',
  'grid.households_max': '§7.1',
  'grid.boundary_max_vertices': '§7.1',
  'event.whistle_report_minutes': '§7.3',
  'event.due_soon_hours': '§7',
  // Duplicates (issue 17 "Duplicates"; §7.2 "duplicate demands merged" gives no figure): how near and how close in time.
  'event.duplicate_distance_metres': '§7.2',
  'event.duplicate_window_days': '§7.2',
  // The rates' formulas (issue 17 "Rates and boards"; §7.4 "formulas configurable").
  'rates.response_step': '§7.4',
  'rates.on_time_step': '§7.4',
  'rates.dismissed': '§7.4',
  'rates.partly': '§7.4',
  'rates.satisfied_min_score': '§7.4',
  'rates.handling_time': '§7.4',
  // 日巡 (seed 003 日巡、周查、月评; domain.md §4.5 recurring tasks, frequency [LOCAL]).
  'patrol.per_grid_per_working_day': '§4.5',
  // A resident's reports (issue 17 "Bad input": a report flood) and the retention of residents' data.
  'event.resident_reports_per_day': '§7.2',
  'event.resident_data_retention_days': '§7.2',
  // 回访 of hotline events (issue 17 "The closed loop"; §7.2 the 12345 loop 办结 → 回访, time limit [UNKNOWN]).
  'event.callback_due_days': '§7.2',
  // Closure needs evidence (§7 "after-photo / reply"): how many photos 办结 needs, 0 = the handling note suffices.
  'event.after_photos_min': '§7',
};
const today = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

// The key constants of catalogue.hpp: name → key.
function catalogueConstants() {
  // rates_keys.hpp and duplicate_keys.hpp hold keys beside catalogue.hpp (issue 17; to be folded into it).
  const text = ['catalogue.hpp', 'rates_keys.hpp', 'duplicate_keys.hpp']
    .map((f) => fs.readFileSync(path.join(ROOT, 'src/core/policy', f), 'utf8')).join('\n');
  return Object.fromEntries([...text.matchAll(/inline constexpr std::string_view (k\w+) =\s*"([^"]+)";/g)].map((m) => [m[1], m[2]]));
}

// Every source file that may read a key: not the catalogue itself, not its messages, not a test.
function readerSources() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(cpp|hpp)$/.test(e.name) && !/_test\.cpp$/.test(e.name) && !/core\/policy\/(catalogue\.|rates_keys\.hpp|duplicate_keys\.hpp)/.test(p)
               && !/messages_(policy|dupes)\.cpp$/.test(p) && !/\/testing\//.test(p)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'src'));
  return out.join('\n');
}

describe('policy catalogue = the local rules the code uses (gen --scale=test)', () => {
  let srv, cast;
  before(async () => {
    srv = await startServer({ dataset: 'test' });
    cast = await setupCast(srv);
  });
  after(() => srv && srv.stop());

  test('policy list --json prints every figure of the list with its default and source, and nothing else', () => {
    const r = srv.cli('policy', 'list', '--json');
    assert.equal(r.status, 0, r.stderr);
    const parsed = JSON.parse(r.stdout);
    const items = Array.isArray(parsed) ? parsed : parsed.items;
    assert.deepEqual(items.map((i) => i.key).sort(), Object.keys(FIGURES).sort());
    for (const i of items) {
      assert.ok(i.source.startsWith('domain.md') && i.source.includes(FIGURES[i.key].split(' ')[0]), `${i.key}: ${i.source}`);
      assert.notEqual(i.default, undefined, i.key);
    }
  });

  test('each key of the catalogue is read by the code, and the catalogue holds no other key', () => {
    const constants = catalogueConstants();
    assert.deepEqual(Object.values(constants).sort(), Object.keys(FIGURES).sort());
    const code = readerSources();
    for (const [name, key] of Object.entries(constants))
      assert.match(code, new RegExp(`\\b${name}\\b`), `${key} (${name}) is read nowhere outside the catalogue`);
  });

  test('the 29 February rule is a choice: its choices are served, mar_1 holds from today, another value is named', async () => {
    const street = cast.actors.street_admin.client;
    const key = 'member.leap_day_anniversary';
    let r = await street.get(`/api/v1/orgs/${cast.S1}/policies`);
    assert.equal(r.status, 200, r.toString());
    const it = r.json.items.find((i) => i.key === key);
    assert.equal(it.kind, 'choice');
    assert.deepEqual(it.choices.map((c) => c.value), ['feb_28', 'mar_1']);
    assert.equal(it.default, 'feb_28');
    assert.equal(it.value, 'feb_28');
    r = await street.post(`/api/v1/orgs/${cast.S1}/policies`, { key, value: 'mar_2', valid_from: today(), doc: '测街工委〔2026〕9号' });
    assert.equal(r.status, 400, r.toString());
    assert.deepEqual(r.json.error.fields.map((f) => f.field), ['value']);
    r = await street.post(`/api/v1/orgs/${cast.S1}/policies`, { key, value: 'mar_1', valid_from: today(), doc: '测街工委〔2026〕9号' });
    assert.equal(r.status, 201, r.toString());
    r = await street.get(`/api/v1/orgs/${cast.B}/policies`);
    assert.equal(r.json.items.find((i) => i.key === key).value, 'mar_1', 'the street\'s rule holds for its branch today');
  });
});
