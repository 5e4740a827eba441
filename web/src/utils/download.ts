// Saving a file the server sent (exports, templates): its name from Content-Disposition (RFC 6266, with the
// RFC 8187 `filename*=UTF-8''…` form preferred, as the server writes Chinese names that way), and a
// temporary <a download> to hand the blob to the browser.

/** The parameters of a header value `attachment; a=b; c="d;e"`, names lower-cased, quotes removed. */
function dispositionParams(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const m of header.matchAll(re)) {
    const name = m[1].toLowerCase();
    let value = m[2].trim();
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!(name in out)) out[name] = value;
  }
  return out;
}

/** Percent-decode an RFC 8187 value in its charset (UTF-8, or ISO-8859-1 byte for byte). */
function decodeExtValue(v: string): string | null {
  const m = /^([^']*)'[^']*'(.*)$/.exec(v);
  if (!m) return null;
  const charset = m[1].toLowerCase();
  try {
    if (charset === 'utf-8') return decodeURIComponent(m[2]);
    if (charset === 'iso-8859-1') return m[2].replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  } catch {
    return null;
  }
  return null;
}

/** Only the last path segment, without control characters: a header never chooses a folder. */
function safeName(name: string): string | null {
  const base = name.split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base && base !== '.' && base !== '..' ? base : null;
}

/** The file name a Content-Disposition header gives, or null. `filename*` wins over `filename`. */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const params = dispositionParams(`;${header}`);
  if (params['filename*']) {
    const decoded = decodeExtValue(params['filename*']);
    if (decoded) return safeName(decoded);
  }
  return params.filename ? safeName(params.filename) : null;
}

/** Hand a blob to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Some browsers read the URL after click() returns; let them.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
