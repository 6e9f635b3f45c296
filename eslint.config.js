// Lint rules for every workspace: ESLint recommended + typescript-eslint recommended, tuned for this codebase.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.compiled/**',
      'openapi/generated/**',
      '**/.data/**',
      '**/.iamsmart-sandbox/**',
      'packaging/.stage/**',
      'packaging/tarballs/**',
      'reports/**',
      '**/build/**',
      '**/.docusaurus/**',
      'portal/docs/api/**',
      'portal/docs/reference/_generated/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly' },
    },
    rules: {
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Use the CSPRNG (ids.ts).',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**', 'e2e/**', '**/bench/**', '**/scripts/**'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
)
