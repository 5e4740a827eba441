// The left menu: the pages of the product in a fixed order. A page is shown when the session holds the
// permission of the API route the page reads (its x-permission in docs/openapi.yaml, which a test compares with
// the server's route table; tests/unit/menu.spec.ts compares these with that document). The server enforces the
// same on every call, so this is presentation only; the web keeps no copy of the role table.
import type { Permission } from '@/api/types';

/** Areas of the product whose pages are still to come (建设中; i18n soon.<area>). */
export type SoonArea = 'life' | 'dues' | 'service' | 'grid' | 'assess' | 'map' | 'security';

export interface MenuLeaf {
  key: string; // also the route name and the data-testid suffix: menu-<key>
  title: string; // i18n key
  path: string;
  icon?: string;
  /** the permission the page needs; null: any signed-in user */
  permission: Permission | null;
  /** the API route the page reads ("GET /api/v1/…"), whose x-permission is `permission`; none for pages to come */
  route?: string;
}

export interface MenuGroup {
  key: string;
  title: string;
  icon: string;
  children: MenuLeaf[];
}

export type MenuEntry = MenuLeaf | MenuGroup;

export function isGroup(e: MenuEntry): e is MenuGroup {
  return 'children' in e;
}

export const MENU: MenuEntry[] = [
  { key: 'org', title: 'menu.org', icon: 'OfficeBuilding', children: [
    { key: 'org-structure', permission: 'org_read', route: 'GET /api/v1/orgs/roots', title: 'menu.orgStructure', path: '/org/structure' },
    { key: 'org-positions', permission: 'org_read', route: 'GET /api/v1/positions', title: 'menu.orgPositions', path: '/org/positions' },
    { key: 'org-policies', permission: 'org_read', route: 'GET /api/v1/orgs/{id}/policies', title: 'menu.orgPolicies', path: '/org/policies' },
    { key: 'org-import', permission: 'org_write', route: 'POST /api/v1/imports/orgs/preview', title: 'menu.orgImport', path: '/org/import' },
  ] },
  { key: 'member', title: 'menu.member', icon: 'User', children: [
    { key: 'member-list', permission: 'member_read', route: 'GET /api/v1/members', title: 'menu.memberList', path: '/member/list' },
    { key: 'member-import', permission: 'member_write', route: 'POST /api/v1/imports/preview', title: 'menu.memberImport', path: '/member/import' },
    { key: 'member-development', permission: 'member_read', route: 'GET /api/v1/development-cases', title: 'menu.development', path: '/member/development' },
    { key: 'member-transfers', permission: 'member_read', route: 'GET /api/v1/transfers', title: 'menu.transfers', path: '/member/transfers' },
    { key: 'member-floating', permission: 'member_read', route: 'GET /api/v1/orgs/{id}/floating-out', title: 'menu.floating', path: '/member/floating' },
  ] },
  { key: 'event', title: 'menu.event', icon: 'Bell', children: [
    { key: 'event-queue', permission: 'event_read', route: 'GET /api/v1/events', title: 'menu.eventQueue', path: '/event/queue' },
    // 本部门/本单位待报到: the liaisons' queue (issue 17); for other readers it lists only what was whistled to them
    { key: 'event-whistled', permission: 'event_read', route: 'GET /api/v1/events', title: 'menu.eventWhistled', path: '/event/whistled' },
    { key: 'event-intake', permission: 'event_write', route: 'POST /api/v1/events', title: 'menu.eventIntake', path: '/event/intake' },
    { key: 'event-rates', permission: 'event_read', route: 'GET /api/v1/event-rates', title: 'menu.eventRates', path: '/event/rates' },
    { key: 'event-board', permission: 'event_read', route: 'GET /api/v1/event-board', title: 'menu.eventBoard', path: '/event/board' },
    { key: 'event-patrol', permission: 'event_read', route: 'GET /api/v1/patrols', title: 'menu.patrol', path: '/event/patrol' },
    { key: 'event-visits', permission: 'event_read', route: 'GET /api/v1/visits', title: 'menu.visits', path: '/event/visits' },
  ] },
  { key: 'life', permission: 'member_read', title: 'menu.life', path: '/life', icon: 'Calendar' },
  { key: 'dues', permission: 'member_read', title: 'menu.dues', path: '/dues', icon: 'Wallet' },
  { key: 'service', permission: 'member_read', title: 'menu.service', path: '/service', icon: 'Promotion' },
  { key: 'grid', permission: 'org_read', route: 'GET /api/v1/grids', title: 'menu.grid', path: '/grid', icon: 'Grid' },
  { key: 'assess', permission: 'member_read', title: 'menu.assess', path: '/assess', icon: 'DataAnalysis' },
  { key: 'map', permission: 'member_read', title: 'menu.map', path: '/map', icon: 'MapLocation' },
  { key: 'system', title: 'menu.system', icon: 'Setting', children: [
    { key: 'users', permission: 'user_read', route: 'GET /api/v1/users', title: 'menu.users', path: '/system/users' },
    { key: 'security', permission: 'user_unlock', title: 'menu.security', path: '/system/security' },
    { key: 'calendar', permission: 'org_write', route: 'PUT /api/v1/calendar/{year}', title: 'menu.calendar', path: '/system/calendar' },
    { key: 'open311', permission: 'org_write', route: 'GET /api/v1/open311/keys', title: 'menu.open311', path: '/system/open311' },
    { key: 'audit', permission: 'audit_read', route: 'GET /api/v1/audit', title: 'menu.audit', path: '/system/audit' },
  ] },
  { key: 'me', permission: null, route: 'GET /api/v1/me', title: 'menu.me', path: '/me', icon: 'Avatar' },
];

/** Whether a user holding `held` may open the page (no permission: any signed-in user). */
export function mayOpen(leaf: Pick<MenuLeaf, 'permission'>, held: readonly string[]): boolean {
  return !leaf.permission || held.includes(leaf.permission);
}

/** The menu a user holding these permissions sees: leaves it may not open go, and so do groups left empty. */
export function filterMenu(held: readonly string[], menu: MenuEntry[] = MENU): MenuEntry[] {
  const out: MenuEntry[] = [];
  for (const e of menu) {
    if (isGroup(e)) {
      const children = e.children.filter((c) => mayOpen(c, held));
      if (children.length) out.push({ ...e, children });
    } else if (mayOpen(e, held)) {
      out.push(e);
    }
  }
  return out;
}

/** Every leaf of a menu, in order. */
export function leaves(menu: MenuEntry[]): MenuLeaf[] {
  return menu.flatMap((e) => (isGroup(e) ? e.children : [e]));
}

/** The leaf of the page named `name` (a route name), if the menu has one. */
export function leafNamed(name: unknown): MenuLeaf | undefined {
  return leaves(MENU).find((l) => l.key === name);
}

/** The first page a user should land on after sign-in when no page was asked for. */
export function firstPath(held: readonly string[]): string {
  return leaves(filterMenu(held))[0]?.path ?? '/';
}
