// /docs: the OpenAPI document as a plain page to read, rendered on the server from the same document (no script,
// nothing fetched from elsewhere): each operation with its parameters, body and responses, then the schemas.
import type { OpenApiDocument } from './openapi-document';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Any = Record<string, unknown>;

const refName = (value: unknown): string | undefined => {
  const ref = (value as Any | undefined)?.['$ref'];
  return typeof ref === 'string' ? ref.split('/').pop() : undefined;
};

function resolve(doc: OpenApiDocument, value: Any): Any {
  const ref = value['$ref'];
  if (typeof ref !== 'string') return value;
  const [, , section, name] = ref.split('/');
  return ((doc.components[section!] as Any | undefined)?.[name!] as Any | undefined) ?? value;
}

const schemaLink = (schema: unknown): string => {
  const name = refName(schema);
  return name ? `<a href="#schema-${escape(name)}">${escape(name)}</a>` : `<code>${escape(JSON.stringify(schema))}</code>`;
};

function renderOperation(doc: OpenApiDocument, method: string, path: string, op: Any): string {
  const parameters = ((op['parameters'] as Any[] | undefined) ?? []).map((p) => resolve(doc, p));
  const rows = parameters
    .map((p) => `<tr><td><code>${escape(String(p['name']))}</code></td><td>${escape(String(p['in']))}</td><td>${p['required'] ? 'yes' : ''}</td><td><code>${escape(JSON.stringify(p['schema']))}</code></td></tr>`)
    .join('');
  const body = (op['requestBody'] as Any | undefined)?.['content'] as Record<string, Any> | undefined;
  const responses = Object.entries((op['responses'] as Record<string, Any> | undefined) ?? {})
    .map(([status, response]) => {
      const resolved = resolve(doc, response);
      const content = Object.entries((resolved['content'] as Record<string, Any> | undefined) ?? {})
        .map(([type, media]) => `<code>${escape(type)}</code> ${schemaLink(media['schema'])}`)
        .join(', ');
      return `<li><strong>${escape(status)}</strong> ${escape(String(resolved['description'] ?? ''))} ${content}</li>`;
    })
    .join('');
  const id = `op-${escape(String(op['operationId']))}`;
  return `<section class="op" id="${id}"><h3><span class="m ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p>${escape(String(op['summary'] ?? ''))}</p>${op['description'] ? `<p class="d">${escape(String(op['description']))}</p>` : ''}
${rows ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${rows}</table>` : ''}
${body ? `<p>Body: ${Object.entries(body).map(([type, media]) => `<code>${escape(type)}</code> ${schemaLink(media['schema'])}`).join(', ')}</p>` : ''}
<ul>${responses}</ul></section>`;
}

export function renderDocsPage(doc: OpenApiDocument): string {
  const info = doc['info'] as Any;
  const tags = (doc['tags'] as Array<{ name: string; description: string }> | undefined) ?? [];
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op: op as Any, tag: ((op as Any)['tags'] as string[] | undefined)?.[0] ?? '' })),
  );
  const sections = tags
    .map((tag) => {
      const ops = operations.filter((o) => o.tag === tag.name);
      return `<h2 id="tag-${escape(tag.name)}">${escape(tag.name)}</h2><p>${escape(tag.description)}</p>${ops.map((o) => renderOperation(doc, o.method, o.path, o.op)).join('\n')}`;
    })
    .join('\n');
  const toc = operations
    .map((o) => `<li><a href="#op-${escape(String(o.op['operationId']))}"><span class="m ${escape(o.method)}">${escape(o.method.toUpperCase())}</span> ${escape(o.path)}</a></li>`)
    .join('');
  const schemas = Object.entries((doc.components['schemas'] as Record<string, unknown> | undefined) ?? {})
    .map(([name, schema]) => `<section id="schema-${escape(name)}"><h3>${escape(name)}</h3><pre>${escape(JSON.stringify(schema, null, 2))}</pre></section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(String(info['title']))} ${escape(String(info['version']))}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:1rem 2rem;color:#1b1b1b}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f5f5f5;padding:.75rem;overflow:auto}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
.op{border-top:1px solid #ddd;padding-top:.25rem}.d{color:#555}.m{display:inline-block;min-width:3.5rem;font-weight:700}
.get{color:#0a6}.post{color:#06c}.put{color:#a50}ul.toc{columns:2;list-style:none;padding:0}
</style></head><body>
<h1>${escape(String(info['title']))} <small>${escape(String(info['version']))}</small></h1>
<p>${escape(String(info['description'] ?? ''))}</p>
<p>OpenAPI ${escape(String(doc['openapi']))}: <a href="/openapi.json">/openapi.json</a></p>
<ul class="toc">${toc}</ul>
${sections}
<h2 id="schemas">Schemas</h2>
${schemas}
</body></html>
`;
}
