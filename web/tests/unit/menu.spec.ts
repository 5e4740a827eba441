import { describe, expect, it } from 'vitest';
import { MENU, filterMenu, firstPath, isGroup, leaves } from '@/utils/menu';
import zhCN from '@/i18n/zh-CN';

const keys = (areas: string[]) => leaves(filterMenu(areas)).map((l) => l.key);

describe('menu filtering by areas', () => {
  it('shows every area to a user who has them all', () => {
    const all = ['org', 'member', 'life', 'dues', 'service', 'grid', 'assess', 'map', 'users', 'security', 'audit', 'me'];
    expect(keys(all)).toEqual([
      'org-structure', 'org-positions', 'org-policies', 'org-import', 'member-list', 'member-import', 'member-development', 'member-transfers', 'member-floating', 'life', 'dues', 'service', 'grid', 'assess', 'map', 'users', 'security', 'audit', 'me',
    ]);
  });

  it('shows a branch secretary only 党员 and 我的', () => {
    const menu = filterMenu(['member', 'me']);
    expect(menu.map((e) => e.key)).toEqual(['member', 'me']);
    expect(keys(['member', 'me'])).toEqual(['member-list', 'member-import', 'member-development', 'member-transfers', 'member-floating', 'me']);
  });

  it('drops a group whose children are all hidden', () => {
    const menu = filterMenu(['audit', 'me']);
    expect(menu.map((e) => e.key)).toEqual(['system', 'me']);
    const system = menu.find((e) => e.key === 'system');
    expect(system && isGroup(system) ? system.children.map((c) => c.key) : []).toEqual(['audit']);
  });

  it('shows nothing for no areas, and ignores unknown areas', () => {
    expect(filterMenu([])).toEqual([]);
    expect(filterMenu(['nonsense'])).toEqual([]);
  });

  it('does not change the master menu', () => {
    const before = JSON.stringify(MENU);
    filterMenu(['me']);
    expect(JSON.stringify(MENU)).toBe(before);
  });

  it('lands on the first allowed page', () => {
    expect(firstPath(['me', 'audit'])).toBe('/system/audit');
    expect(firstPath([])).toBe('/');
  });

  it('has a label for every entry', () => {
    const menuMsgs = zhCN.menu as Record<string, string>;
    for (const e of MENU) {
      expect(menuMsgs[e.title.replace('menu.', '')]).toBeTruthy();
      if (isGroup(e)) for (const c of e.children) expect(menuMsgs[c.title.replace('menu.', '')]).toBeTruthy();
    }
  });
});
