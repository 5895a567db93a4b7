// The engine's own copy of each short text of a checked scenario (parse.ts, and the study's workers).

/**
 * Replaces, in place, every short text of a parsed scenario by the engine's own copy of it. The parser's texts are slices of
 * the file's text (held as two-byte text when the file has one character beyond Latin-1 anywhere), so each comparison
 * of an id, tag or kind with a literal compared them character by character, and each lookup of a state's record by
 * an id had the id looked up first: a replay ran a quarter slower (MONUSCO, bundled). A property key is the engine's
 * one copy of its text, so the text a key is made from comes back as that copy; the values are equal either way.
 * A scenario that came from another thread (a structured clone: the study's workers) has new texts too: the worker
 * interns them again, which costs a tenth of parsing the file anew. A module of its own, so such a worker loads no
 * parser (yaml, zod's full schema).
 */
export function internStrings<T>(v: T): T {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = internOne(v[i]);
  } else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = internOne(o[k]);
  }
  return v;
}

function internOne(x: unknown): unknown {
  if (typeof x !== 'string') return internStrings(x);
  // Names, not prose: a long text is compared with nothing. Made anew first, so that it is held as one byte a letter.
  if (x.length > 200) return x;
  const codes: number[] = [];
  for (let i = 0; i < x.length; i++) codes.push(x.charCodeAt(i));
  return Object.keys({ [String.fromCharCode(...codes)]: 0 })[0]!;
}
