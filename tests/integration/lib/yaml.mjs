// A tiny reader for the YAML subset docs/openapi.yaml keeps to (see the header of that file): block
// mappings and "- " sequences, plain / 'single' / "double" quoted scalars, flow lists of scalars, {} and
// [], full-line comments. Anything outside the subset throws with the line number, so the document cannot
// drift into YAML this reader would misread.

export function parseYaml(text) {
  const lines = [];
  text.split('\n').forEach((raw, idx) => {
    if (/\t/.test(raw.match(/^\s*/)[0])) throw new Error(`line ${idx + 1}: tab in indentation`);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    lines.push({ n: idx + 1, indent: raw.length - raw.trimStart().length, text: trimmed.replace(/\s+$/, '') });
  });
  let i = 0;
  const fail = (msg) => { throw new Error(`line ${lines[Math.min(i, lines.length - 1)].n}: ${msg}`); };
  const isItem = (l) => l.text === '-' || l.text.startsWith('- ');

  function block(indent) {
    return isItem(lines[i]) ? sequence(indent) : mapping(indent);
  }

  function mapping(indent) {
    const out = {};
    while (i < lines.length && lines[i].indent === indent && !isItem(lines[i])) {
      const { key, rest } = splitKey(lines[i].text);
      if (Object.prototype.hasOwnProperty.call(out, key)) fail(`duplicate key ${key}`);
      i++;
      if (rest !== '') out[key] = scalar(rest);
      else if (i < lines.length && lines[i].indent > indent) out[key] = block(lines[i].indent);
      else if (i < lines.length && lines[i].indent === indent && isItem(lines[i])) out[key] = sequence(indent);
      else out[key] = null;
    }
    if (i < lines.length && lines[i].indent > indent) fail('unexpected indentation');
    return out;
  }

  function sequence(indent) {
    const out = [];
    while (i < lines.length && lines[i].indent === indent && isItem(lines[i])) {
      const content = lines[i].text.slice(1).trim();
      if (content === '') {
        i++;
        out.push(block(lines[i].indent));
      } else if (/^("[^"]*"|'[^']*'|[^'"[{\s][^:]*?):( |$)/.test(content)) {
        // "- key: value" opens a mapping whose keys sit two columns in.
        lines[i] = { ...lines[i], indent: indent + 2, text: content };
        out.push(mapping(indent + 2));
      } else {
        i++;
        out.push(scalar(content));
      }
    }
    return out;
  }

  function splitKey(t) {
    let key, rest;
    if (t[0] === '"' || t[0] === "'") {
      const end = t.indexOf(t[0], 1);
      if (end < 0 || t[end + 1] !== ':') fail(`bad quoted key: ${t}`);
      key = t.slice(1, end);
      rest = t.slice(end + 2);
    } else {
      const sep = t.indexOf(': ');
      if (sep >= 0) { key = t.slice(0, sep); rest = t.slice(sep + 1); } else if (t.endsWith(':')) { key = t.slice(0, -1); rest = ''; } else fail(`expected "key: value": ${t}`);
    }
    if (rest !== '' && rest[0] !== ' ') fail(`expected a space after the colon: ${t}`);
    return { key, rest: rest.trim() };
  }

  function scalar(s) {
    if (s.startsWith('"')) {
      try { return JSON.parse(s); } catch { fail(`bad double-quoted scalar: ${s}`); }
    }
    if (s.startsWith("'")) {
      if (!s.endsWith("'") || s.length < 2) fail(`bad single-quoted scalar: ${s}`);
      const body = s.slice(1, -1);
      if (/(^|[^'])'([^']|$)/.test(body)) fail(`unescaped quote in ${s}`);
      return body.replace(/''/g, "'");
    }
    if (s === '{}') return {};
    if (s.startsWith('[')) {
      if (!s.endsWith(']')) fail(`bad flow list: ${s}`);
      const inner = s.slice(1, -1).trim();
      return inner === '' ? [] : inner.split(',').map((x) => scalar(x.trim()));
    }
    if (/^[{&*!|>%@`]/.test(s)) fail(`outside the subset: ${s}`);
    if (/: | #/.test(s)) fail(`plain scalar with ": " or " #" (quote it): ${s}`);
    if (s === 'true') return true;
    if (s === 'false') return false;
    if (s === 'null' || s === '~') return null;
    if (/^-?\d+$/.test(s)) return Number(s);
    return s;
  }

  if (!lines.length) return null;
  const doc = block(lines[0].indent);
  if (i < lines.length) fail('trailing content');
  return doc;
}
