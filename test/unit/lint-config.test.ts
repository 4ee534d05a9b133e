// The lint in `npm test` is real: eslint.config.js loads, React's rules of hooks report an error in source/,
// and no rule is a warning (`npm run lint` allows none, so a warning-level rule would only fail later).
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const conditionalHook = `import {useState} from 'react';

export const Badge = (props: {on: boolean}) => {
	if (props.on) {
		const [count] = useState(0);
		return count;
	}
	return 0;
};
`;

describe('eslint.config.js', () => {
	const eslint = new ESLint({cwd: root});

	it('reports a hook called conditionally in source/ as an error', async () => {
		const [result] = await eslint.lintText(conditionalHook, {filePath: path.join(root, 'source/ui/lint-fixture.tsx')});
		const hooks = result!.messages.filter(m => m.ruleId === 'react-hooks/rules-of-hooks');
		expect(hooks).toHaveLength(1);
		expect(hooks[0]!.severity).toBe(2);
		expect(result!.errorCount).toBe(1);
	}, 120_000);

	it('passes the same component written by the rules', async () => {
		const fixed = conditionalHook.replace("\tif (props.on) {\n\t\tconst [count] = useState(0);", "\tconst [count] = useState(0);\n\tif (props.on) {");
		const [result] = await eslint.lintText(fixed, {filePath: path.join(root, 'source/ui/lint-fixture.tsx')});
		expect(result!.messages).toEqual([]);
	});

	it('configures every rule as an error or off, never a warning', async () => {
		for (const file of ['source/ui/lint-fixture.tsx', 'test/unit/lint-fixture.test.ts', 'scripts/lint-fixture.mjs']) {
			const config = (await eslint.calculateConfigForFile(path.join(root, file))) as {rules: Record<string, unknown>};
			const warnings = Object.entries(config.rules).filter(([, setting]) => {
				const level = Array.isArray(setting) ? setting[0] : setting;
				return level === 1 || level === 'warn';
			});
			expect(warnings, file).toEqual([]);
		}
	});
});
