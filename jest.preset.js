// Shared Jest settings: SWC transpiles TS/TSX (with decorator metadata for NestJS), no type checking
// here (that is `npm run typecheck`); libs resolve to their sources so tests need no build.
const path = require('node:path');
const root = __dirname;

module.exports = {
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@xieshang/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@xieshang/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@xieshang/editor-schema$': path.join(root, 'libs/editor-schema/src/index.ts'),
    '^@xieshang/collab-provider$': path.join(root, 'libs/collab-provider/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
