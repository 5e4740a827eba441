// @vitest-environment node
// Issue 16 "Each shape once": src/api/openapi.d.ts is generated from docs/openapi.yaml (openapi-typescript)
// and checked in; this fails when the two drift apart, in a clean checkout as much as in a work tree.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';


const web = path.resolve(__dirname, '../..');
const cli = path.join(web, 'node_modules/openapi-typescript/bin/cli.js');  // the package exports no bin path

describe('src/api/openapi.d.ts', () => {
  it('is what `npm run gen:types` makes of docs/openapi.yaml today', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lx-types-'));
    try {
      const out = path.join(dir, 'openapi.d.ts');
      execFileSync(process.execPath, [cli, '../docs/openapi.yaml', '-o', out], { cwd: web, stdio: 'pipe' });
      const fresh = readFileSync(out, 'utf8');
      const checkedIn = readFileSync(path.join(web, 'src/api/openapi.d.ts'), 'utf8');
      expect(fresh === checkedIn, 'src/api/openapi.d.ts is stale: run `npm run gen:types` in web/ and commit it').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Issue 16 note 2 "Not done": the request (input) shapes of these modules are the request bodies and query
// parameters of docs/openapi.yaml (QueryOf / BodyOf in types.ts), and their answers its schemas; a field typed by
// hand here (`name: string;`, an interface) would drift from the server unseen.
describe('the api modules of imports, members, users and audit', () => {
  const handTyped = /\binterface\s|\b\w+\??:\s*(?:string|number|boolean|null)(?:\s*\|\s*(?:string|number|boolean|null))*(?:\[\])?\s*[;}]/;
  for (const name of ['imports', 'members', 'users', 'audit']) {
    it(`${name}.ts writes no shape of its own`, () => {
      const text = readFileSync(path.join(web, 'src/api', `${name}.ts`), 'utf8');
      const lines = text.split('\n').filter((l) => handTyped.test(l) && !l.trim().startsWith('//') && !l.trim().startsWith('*'));
      expect(lines, `hand-written shapes in src/api/${name}.ts: take them from ./types (docs/openapi.yaml)`).toEqual([]);
    });
  }
});
