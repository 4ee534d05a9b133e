// Lint for source/, scripts/ and test/ (`npm run lint`, part of `npm test`): ESLint's and typescript-eslint's
// recommended rules — not the type-checked set, which needs the whole program and is slow on these machines —
// plus React's rules of hooks. `--max-warnings 0`: every rule here is an error or off, never a warning.
import js from '@eslint/js';
import {defineConfig, globalIgnores} from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	globalIgnores(['dist/', 'bench/', 'demo/', 'patches/', 'coverage/']),
	{linterOptions: {reportUnusedDisableDirectives: 'error'}},
	js.configs.recommended,
	tseslint.configs.recommended,
	{
		files: ['**/*.{js,mjs,cjs,ts,tsx}'],
		languageOptions: {globals: {...globals.node}},
		rules: {
			// A leading underscore marks a name kept on purpose: `{_sid, ...rest}` to drop a key, a parameter a
			// signature needs. Everything else unused is dead code.
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
			// A terminal program: matching ESC, BEL and C0 controls (sanitize, ANSI stripping) is the point.
			'no-control-regex': 'off',
			// Style only. Tests match aligned table columns, where two spaces are the column gap.
			'no-regex-spaces': 'off',
			'prefer-const': 'off',
			// Flags `let x = fallback; try { x = … } catch { … }`, an ordinary shape here; it found no bug.
			'no-useless-assignment': 'off',
		},
	},
	{
		// React lives in source/ only. In test/ and scripts/ a `use…` name is a vitest lifecycle helper
		// (useSeededDemoMoto registers beforeAll/afterAll), not a React hook, and may be called anywhere.
		files: ['source/**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			// Off, not a warning (zero warnings is the bar). Screens read `props.x` inside hooks and list
			// `props.x` (not `props`) as the dependency, and some memos take a dependency on purpose as a
			// recompute key (a new snapshot, a new column set): the rule reports 8 such places in 6 files (and 4 more
			// had disable comments); those read were no stale closure, and its fixes would change when things recompute.
			'react-hooks/exhaustive-deps': 'off',
		},
	},
);
