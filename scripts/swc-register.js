// Runs TypeScript sources directly (`node --require ./scripts/swc-register.js file.ts`) with @swc/core, the
// compiler jest already uses; @swc/register is not installed. Resolves @baoho/* like jest.config.js does.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const aliases = { '@baoho/workflows': path.join(root, 'workflows/src/index.ts') };
for (const lib of ['domain', 'event-store', 'messaging', 'config', 'observability', 'http', 'crypto']) {
  aliases[`@baoho/${lib}`] = path.join(root, 'libs', lib, 'src', 'index.ts');
}
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases[request] ?? request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
