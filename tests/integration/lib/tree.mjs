// The org tree as seen through the API by an actor with org read permission over the whole tree, plus
// the relations the access matrix uses (security.md A1: own, child, parent, sibling, other district).
import assert from 'node:assert/strict';

export async function loadTree(client) {
  const nodes = new Map();
  const roots = await client.get('/api/v1/orgs/roots');
  assert.equal(roots.status, 200, roots.toString());
  const queue = roots.json.items.map((o) => ({ ...o, chain: [o.id] }));
  while (queue.length) {
    const o = queue.shift();
    o.children = [];
    nodes.set(o.id, o);
    if (o.parent_id && nodes.has(o.parent_id)) nodes.get(o.parent_id).children.push(o.id);
    if (o.child_count > 0) {
      const r = await client.get(`/api/v1/orgs/${o.id}/children`);
      assert.equal(r.status, 200, r.toString());
      for (const c of r.json.items) queue.push({ ...c, chain: [...o.chain, c.id] });
    }
  }
  const tree = {
    nodes,
    root: nodes.get(roots.json.items[0].id),
    get: (id) => nodes.get(id),
    /** true when `target` lies in the subtree of `scope` (itself included). */
    inSubtree: (target, scope) => nodes.get(target).chain.includes(scope),
    depth: (id) => nodes.get(id).chain.length - 1,
    /** The first org found at `depth` below `from` (following first children). */
    firstAtDepth(from, depth) {
      let id = from;
      while (tree.depth(id) < depth) {
        const kids = nodes.get(id).children;
        if (!kids.length) return null;
        id = kids[0];
      }
      return id;
    },
    /** Relation targets of an actor whose grant sits on `own`: {own, child, parent, sibling, other}. */
    relations(own) {
      const o = nodes.get(own);
      const out = { own };
      if (o.children.length) out.child = o.children[0];
      if (o.parent_id && nodes.has(o.parent_id)) {
        out.parent = o.parent_id;
        const sib = nodes.get(o.parent_id).children.find((id) => id !== own);
        if (sib) out.sibling = sib;
      }
      // Same depth in the other district (districts are the root's children).
      if (o.chain.length >= 2) {
        const district = o.chain[1];
        const other = tree.root.children.find((id) => id !== district);
        if (other) out.other = tree.firstAtDepth(other, tree.depth(own));
      }
      return out;
    },
    /** The last leaf below `id` (following last children). */
    lastLeaf(id) {
      while (nodes.get(id).children.length) id = nodes.get(id).children.at(-1);
      return id;
    },
    branches: () => [...nodes.values()].filter((o) => o.child_count === 0).map((o) => o.id),
  };
  return tree;
}
