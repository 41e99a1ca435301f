/**
 * Where JSON text stops being valid, as line:column and what was expected, never quoting the text:
 * V8's JSON.parse messages quote the input around the error ("Unexpected token 'x', "…" is not
 * valid JSON"), and a file under dashboards-path may be anything the checkout links to. Used only
 * after JSON.parse failed, so it favours being simple over being fast.
 */
export function jsonProblem(text: string): string {
  const found = locate(text);
  if (!found) return 'not valid JSON';
  const { line, column } = lineColumn(text, found.offset);
  return `not valid JSON at line ${line}, column ${column}: ${found.expected}`;
}

/** The first offset at which `text` is not JSON (RFC 8259), with what should have been there; undefined when it is JSON. */
export function locate(text: string): { offset: number; expected: string } | undefined {
  let i = 0;
  const fail = (expected: string): never => {
    throw new Located(i, expected);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) fail(`'${word}'`);
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('a closing quote (the string is not terminated)');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('no control character inside a string (escape it)');
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) { i += k; fail('four hex digits after \\u'); }
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      } else i++;
    }
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (/[1-9]/.test(text[i] ?? '')) while (/[0-9]/.test(text[i] ?? '')) i++;
    else fail('a digit');
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail('a digit after the decimal point');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail('a digit in the exponent');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
  };
  const value = (depth: number): void => {
    // Deeper than any dashboard; keeps the recursion far from the stack limit.
    if (depth > 512) fail('less nesting (over 512 levels)');
    ws();
    const c = text[i];
    if (c === undefined) fail('a value (the file ends early)');
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === undefined ? "a property name or '}' (the file ends early)" : 'a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail("':' after the property name");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail(text[i] === undefined ? "',' or '}' (the file ends early)" : "',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail(text[i] === undefined ? "',' or ']' (the file ends early)" : "',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || /[0-9]/.test(c)) return number();
    fail('a value (object, array, string, number, true, false or null)');
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('the end of the file after the top-level value');
    return undefined;
  } catch (err) {
    if (err instanceof Located) return { offset: err.offset, expected: err.expected };
    throw err;
  }
}

class Located {
  constructor(readonly offset: number, readonly expected: string) {}
}

/** 1-based line and column (in UTF-16 code units, as editors count for the BMP). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      start = k + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
