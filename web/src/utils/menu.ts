// The left menu: areas of the product in a fixed order. The session's `areas` decides what is shown;
// the server enforces the same rules on every call, so this is presentation only.
import type { Area } from '@/api/types';

export interface MenuLeaf {
  key: string; // also the data-testid suffix: menu-<key>
  area: Area;
  title: string; // i18n key
  path: string;
  icon?: string;
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
    { key: 'org-structure', area: 'org', title: 'menu.orgStructure', path: '/org/structure' },
    { key: 'org-positions', area: 'org', title: 'menu.orgPositions', path: '/org/positions' },
    { key: 'org-policies', area: 'org', title: 'menu.orgPolicies', path: '/org/policies' },
    { key: 'org-import', area: 'org', title: 'menu.orgImport', path: '/org/import' },
  ] },
  { key: 'member', title: 'menu.member', icon: 'User', children: [
    { key: 'member-list', area: 'member', title: 'menu.memberList', path: '/member/list' },
    { key: 'member-import', area: 'member', title: 'menu.memberImport', path: '/member/import' },
    { key: 'member-development', area: 'member', title: 'menu.development', path: '/member/development' },
    { key: 'member-transfers', area: 'member', title: 'menu.transfers', path: '/member/transfers' },
    { key: 'member-floating', area: 'member', title: 'menu.floating', path: '/member/floating' },
  ] },
  { key: 'life', area: 'life', title: 'menu.life', path: '/life', icon: 'Calendar' },
  { key: 'dues', area: 'dues', title: 'menu.dues', path: '/dues', icon: 'Wallet' },
  { key: 'service', area: 'service', title: 'menu.service', path: '/service', icon: 'Promotion' },
  { key: 'grid', area: 'grid', title: 'menu.grid', path: '/grid', icon: 'Grid' },
  { key: 'assess', area: 'assess', title: 'menu.assess', path: '/assess', icon: 'DataAnalysis' },
  { key: 'map', area: 'map', title: 'menu.map', path: '/map', icon: 'MapLocation' },
  { key: 'system', title: 'menu.system', icon: 'Setting', children: [
    { key: 'users', area: 'users', title: 'menu.users', path: '/system/users' },
    { key: 'security', area: 'security', title: 'menu.security', path: '/system/security' },
    { key: 'audit', area: 'audit', title: 'menu.audit', path: '/system/audit' },
  ] },
  { key: 'me', area: 'me', title: 'menu.me', path: '/me', icon: 'Avatar' },
];

/** The menu a user with these areas sees: leaves outside the areas go, and so do groups left empty. */
export function filterMenu(areas: readonly string[], menu: MenuEntry[] = MENU): MenuEntry[] {
  const allowed = new Set(areas);
  const out: MenuEntry[] = [];
  for (const e of menu) {
    if (isGroup(e)) {
      const children = e.children.filter((c) => allowed.has(c.area));
      if (children.length) out.push({ ...e, children });
    } else if (allowed.has(e.area)) {
      out.push(e);
    }
  }
  return out;
}

/** Every leaf of a menu, in order. */
export function leaves(menu: MenuEntry[]): MenuLeaf[] {
  return menu.flatMap((e) => (isGroup(e) ? e.children : [e]));
}

/** The first page a user should land on after sign-in when no page was asked for. */
export function firstPath(areas: readonly string[]): string {
  return leaves(filterMenu(areas))[0]?.path ?? '/';
}
