// docs/contracts/*.schema.json and docs/asyncapi.yaml are generated from the code; these tests fail when a
// committed file drifts. BAOHO_WRITE_CONTRACTS=1 rewrites them instead (then review the diff).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ALL_TOPICS,
  ASYNCAPI_YAML_HEADER,
  buildAsyncApiDocument,
  CONTRACT_SCHEMAS,
  toYaml,
  type ContractSchemaFile,
} from '@baoho/messaging';

const docs = path.resolve(__dirname, '../../../docs');
const write = process.env.BAOHO_WRITE_CONTRACTS === '1';

function expectFile(file: string, expected: string): void {
  if (write) writeFileSync(file, expected);
  expect(readFileSync(file, 'utf8')).toBe(expected);
}

describe('the published documents', () => {
  it.each(Object.keys(CONTRACT_SCHEMAS) as ContractSchemaFile[])('docs/contracts/%s is the schema of the code', (name) => {
    expectFile(path.join(docs, 'contracts', name), `${JSON.stringify(CONTRACT_SCHEMAS[name](), null, 2)}\n`);
  });

  it('docs/asyncapi.yaml is the document of the code', () => {
    expectFile(path.join(docs, 'asyncapi.yaml'), toYaml(buildAsyncApiDocument(), ASYNCAPI_YAML_HEADER));
  });

  it('the AsyncAPI document describes every topic of the registry, with its partitions', () => {
    const channels = Object.values(buildAsyncApiDocument().channels as Record<string, { address: string; bindings: { kafka: { partitions: number } } }>);
    expect(channels.map((channel) => channel.address).sort()).toEqual(ALL_TOPICS.map((topic) => topic.name).sort());
    for (const topic of ALL_TOPICS) {
      expect(channels.find((channel) => channel.address === topic.name)?.bindings.kafka.partitions).toBe(topic.partitions);
    }
  });

  it('its message payloads are the contracts\' JSON Schemas', () => {
    const schemas = (buildAsyncApiDocument().components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const standalone = (name: ContractSchemaFile) => {
      const { $schema: _s, $id: _i, ...rest } = CONTRACT_SCHEMAS[name]();
      return rest;
    };
    expect(schemas.HotlineCallV1).toEqual(standalone('hotline-call.v1.schema.json'));
    expect(schemas.CaseEventV1).toEqual(standalone('case-event.v1.schema.json'));
    expect(schemas.NotificationV1).toEqual(standalone('notification.v1.schema.json'));
  });
});

describe('toYaml', () => {
  it('quotes what YAML would otherwise misread', () => {
    expect(toYaml({ a: 'yes', b: '1.0', c: 'plain text', 'x-y': ['^1$', { $ref: '#/x' }], d: [], e: {}, f: null, g: 3 })).toBe(
      ['a: "yes"', 'b: "1.0"', 'c: plain text', 'x-y:', '  - "^1$"', '  - "$ref": "#/x"', 'd: []', 'e: {}', 'f: null', 'g: 3', ''].join('\n'),
    );
  });
});
