// The left menu follows the permissions the server says the user holds (issue 16 "Each shape once": the route
// table carries each route's permission; the menu reads it, and the web keeps no copy of the role table).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MENU, filterMenu, firstPath, isGroup, leafNamed, leaves } from '@/utils/menu';
import { routes } from '@/router';
import zhCN from '@/i18n/zh-CN';

const keys = (held: string[]) => leaves(filterMenu(held)).map((l) => l.key);
const SECRETARY = ['org_read', 'member_read', 'member_reveal', 'member_write'];

/** "METHOD /path" → x-permission of docs/openapi.yaml (openapi.test.mjs checks those against `lianxin routes`). */
function documentedPermissions(): Map<string, string> {
  const text = readFileSync(resolve(__dirname, '../../../docs/openapi.yaml'), 'utf8');
  const out = new Map<string, string>();
  let path = '';
  let method = '';
  let inPaths = false;
  for (const line of text.split('\n')) {
    if (line === 'paths:') inPaths = true;
    else if (inPaths && /^\S/.test(line)) inPaths = false;
    if (!inPaths) continue;
    const p = /^ {2}(\/\S*):\s*$/.exec(line);
    if (p) path = p[1];
    const m = /^ {4}(get|put|post|delete|patch):\s*$/.exec(line);
    if (m) method = m[1].toUpperCase();
    const x = /^ {6}x-permission:\s*(\S+)\s*$/.exec(line);
    if (x) out.set(`${method} ${path}`, x[1]);
  }
  return out;
}

describe('menu filtering by permissions', () => {
  it('names for every page the x-permission of the API route it reads', () => {
    const documented = documentedPermissions();
    expect(documented.size).toBeGreaterThan(50);
    for (const leaf of leaves(MENU)) {
      if (!leaf.route) continue; // a page still to come
      expect(documented.has(leaf.route), `${leaf.key}: ${leaf.route} is in docs/openapi.yaml`).toBe(true);
      expect(leaf.permission ?? 'none', `${leaf.key}: ${leaf.route}`).toBe(documented.get(leaf.route));
    }
  });

  it('guards every page of the menu by its leaf (one route per leaf, same name)', () => {
    const named = new Set(routes.flatMap((r) => [r, ...(r.children ?? [])]).map((r) => r.name));
    for (const leaf of leaves(MENU)) expect(named.has(leaf.key), leaf.key).toBe(true);
    expect(leafNamed('org-import')?.permission).toBe('org_write');
    expect(leafNamed('home')).toBeUndefined();
  });

  it('shows every page to a user who holds every permission', () => {
    const all = ['org_read', 'org_write', 'member_read', 'member_reveal', 'member_write', 'transfer_issue', 'user_read',
      'user_manage', 'user_unlock', 'audit_read', 'event_read', 'event_write'];
    expect(keys(all)).toEqual([
      'org-structure', 'org-positions', 'org-policies', 'org-import', 'member-list', 'member-import', 'member-development', 'member-transfers', 'member-floating', 'event-queue', 'event-whistled', 'event-intake', 'event-rates', 'event-board', 'event-patrol', 'event-visits', 'life', 'dues', 'service', 'grid', 'assess', 'map', 'users', 'security', 'calendar', 'open311', 'audit', 'me',
    ]);
  });

  it('shows a branch secretary the org pages it reads, the members and 我的, not the org import', () => {
    expect(filterMenu(SECRETARY).map((e) => e.key)).toEqual(['org', 'member', 'life', 'dues', 'service', 'grid', 'assess', 'map', 'me']);
    expect(keys(SECRETARY)).not.toContain('org-import');
    expect(keys(SECRETARY)).toContain('member-import');
  });

  it('shows the event queues (and 本部门待报到) to event_read and the hotline form only to event_write (issue 17)', () => {
    expect(keys(['event_read'])).toEqual(['event-queue', 'event-whistled', 'event-rates', 'event-board', 'event-patrol', 'event-visits', 'me']);
    expect(keys(['event_read', 'event_write'])).toEqual(['event-queue', 'event-whistled', 'event-intake', 'event-rates', 'event-board', 'event-patrol', 'event-visits', 'me']);
  });

  it('shows a member (no permission) only 我的', () => {
    expect(keys([])).toEqual(['me']);
    expect(keys(['nonsense'])).toEqual(['me']);
  });

  it('drops a group whose children are all hidden', () => {
    const menu = filterMenu(['audit_read']);
    expect(menu.map((e) => e.key)).toEqual(['system', 'me']);
    const system = menu.find((e) => e.key === 'system');
    expect(system && isGroup(system) ? system.children.map((c) => c.key) : []).toEqual(['audit']);
  });

  it('does not change the master menu', () => {
    const before = JSON.stringify(MENU);
    filterMenu([]);
    expect(JSON.stringify(MENU)).toBe(before);
  });

  it('lands on the first allowed page', () => {
    expect(firstPath(['audit_read'])).toBe('/system/audit');
    expect(firstPath([])).toBe('/me');
  });

  it('has a label for every entry', () => {
    const menuMsgs = zhCN.menu as Record<string, string>;
    for (const e of MENU) {
      expect(menuMsgs[e.title.replace('menu.', '')]).toBeTruthy();
      if (isGroup(e)) for (const c of e.children) expect(menuMsgs[c.title.replace('menu.', '')]).toBeTruthy();
    }
  });
});
