// The "未编入党小组" line: members of the branch in no group (domain.md §1.2: every member belongs to a group once groups
// are formed).
import { describe, expect, it } from 'vitest';
import { ungrouped, type PartyGroup } from '@/api/groups';

const group = (id: number, memberIds: number[]): PartyGroup => ({
  id, name: `${id}号楼党小组`, scope: 'building', scope_name: '', leader: null, valid_from: '2026-01-01', valid_to: null,
  version: 1, members: memberIds.map((m) => ({ id: m, name: `党员${m}` })),
});

describe('ungrouped', () => {
  const members = [1, 2, 3, 4].map((id) => ({ id, name: `党员${id}` }));
  it('lists the members in no group, in branch order', () => {
    expect(ungrouped(members, [group(1, [2]), group(2, [4])]).map((m) => m.id)).toEqual([1, 3]);
  });
  it('is empty when everyone is in a group, and everyone when there are no groups', () => {
    expect(ungrouped(members, [group(1, [1, 2, 3, 4])])).toEqual([]);
    expect(ungrouped(members, [])).toHaveLength(4);
  });
});
