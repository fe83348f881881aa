// ESLint flat config for the Xieshang monorepo.
//
// - typescript-eslint "recommended" (syntax only, no type information: fast) for *.ts / *.tsx.
// - @nx/enforce-module-boundaries: project tags (project.json) decide who may import whom.
// - xieshang/no-relative-outside-project: a relative import may not climb out of its project.
// - libs/domain and libs/contracts stay framework-free (no NestJS, TypeORM, React).
//
// Run: `npx eslint libs apps` (or `npm run lint`). Needs no build and no Nx daemon.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

// apps/web uses `react-hooks/*` disable comments; wire the plugin in when it is installed
// (devDependency `eslint-plugin-react-hooks`), and lint without it otherwise.
const reactHooks = await import('eslint-plugin-react-hooks').then((m) => m.default ?? m).catch(() => null);
const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const TEST_FILES = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', '**/test/**/*.ts', '**/test/**/*.tsx'];

/**
 * A relative import must resolve inside the project that holds the importing file
 * (apps/<name> or libs/<name>). Anything else goes through a package name
 * (`@xieshang/contracts`, `@xieshang/domain`) so Nx sees, and checks, the dependency.
 */
const noRelativeOutsideProject = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid relative imports that climb out of the current project (apps/* or libs/*)' },
    schema: [],
    messages: {
      outside:
        'Relative import "{{source}}" leaves project {{project}}; import other projects by package name (e.g. @xieshang/contracts).',
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const rel = path.relative(repoRoot, file).split(path.sep);
    if (rel.length < 3 || !['apps', 'libs'].includes(rel[0])) return {};
    const projectDir = path.join(repoRoot, rel[0], rel[1]);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const inside = path.relative(projectDir, target);
      if (inside.startsWith('..') || path.isAbsolute(inside)) {
        context.report({ node, messageId: 'outside', data: { source, project: `${rel[0]}/${rel[1]}` } });
      }
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node.moduleReference.expression, node.moduleReference.expression.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node.arguments[0], node.arguments[0].value);
        }
      },
    };
  },
};

/**
 * Package-name imports of an app. Nx maps `@xieshang/api/...` deep imports to the api project, but
 * not the bare `@xieshang/api` (the app's package.json has no "main"), so ban them by name as well.
 */
const appPackage = (name, message) => ({ group: [`@xieshang/${name}`, `@xieshang/${name}/*`], message });

/** Libraries: no frameworks (the domain stays pure) and never an app. */
const libImports = {
  patterns: [
    {
      group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
      message: 'libs/domain and libs/contracts are pure TypeScript: no NestJS, TypeORM or React here.',
    },
    appPackage('api', 'Libraries never import apps.'),
    appPackage('web', 'Libraries never import apps.'),
  ],
};

export default defineConfig(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.data/**',
      '.nx/**',
      'apps/web/dist/**',
      'bench/results/**',
      'test-results/**',
    ],
  },

  // typescript-eslint recommended, scoped to TypeScript files.
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS })),

  {
    files: TS,
    plugins: { '@nx': nx, xieshang: { rules: { 'no-relative-outside-project': noRelativeOutsideProject } } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      'xieshang/no-relative-outside-project': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Kind of project: apps use libs; domain uses contracts only; contracts use none of ours;
            // the editor schema and the collab provider (type:lib) build on contracts at most.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            // Scope: shared libs never reach into an app; api and web never import each other.
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'], notDependOnLibsWithTags: ['scope:web'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'], notDependOnLibsWithTags: ['scope:api'] },
          ],
        },
      ],
    },
  },

  // Keep the domain and the contracts pure.
  {
    files: ['libs/domain/**/*.{ts,tsx}', 'libs/contracts/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', libImports] },
  },
  // The api and the web app talk through libs/contracts, never by importing each other.
  {
    files: ['apps/api/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appPackage('web', 'apps/api may not import apps/web.')] }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [appPackage('api', 'apps/web may not import apps/api.')] }] },
  },

  ...(reactHooks
    ? [
        {
          files: ['apps/web/**/*.{ts,tsx}'],
          plugins: { 'react-hooks': reactHooks },
          rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
        },
      ]
    : []),

  // Tests may use `any` for fixtures and deliberately malformed payloads.
  {
    files: TEST_FILES,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
