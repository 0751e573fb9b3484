// A YAML emitter for plain JSON data (objects, arrays, strings, numbers, booleans, null), enough to write
// docs/asyncapi.yaml without a YAML library. Strings that could be read back as anything else are written
// as JSON strings, which YAML 1.2 reads as double-quoted scalars with the same escapes.

const PLAIN = /^[A-Za-z_][A-Za-z0-9_ ./()-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

const scalar = (value: string): string =>
  PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !value.includes(' -') ? value : JSON.stringify(value);

const key = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) && !RESERVED.test(name) ? name : JSON.stringify(name));

function leaf(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return scalar(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('toYaml: non-finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return '{}';
  if (typeof value === 'object') return undefined;
  throw new Error(`toYaml: cannot write a ${typeof value}`);
}

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const simple = leaf(item);
      if (simple !== undefined) return [`${indent}- ${simple}`];
      const [first = '', ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first.slice(indent.length + 2)}`, ...rest];
    });
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([name, item]) => {
    const simple = leaf(item);
    if (simple !== undefined) return [`${indent}${key(name)}: ${simple}`];
    return [`${indent}${key(name)}:`, ...lines(item, `${indent}  `)];
  });
}

export function toYaml(value: Record<string, unknown>, header = ''): string {
  return `${header}${lines(value, '').join('\n')}\n`;
}
