import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {withKeyTable} from '../../scripts/sync-readme-keys.js';

it('the readme keybinding table is the one keymap.ts renders (npx tsx scripts/sync-readme-keys.ts)', () => {
	const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
	expect(readme).toBe(withKeyTable(readme));
	expect(readme).toContain('| `?` |');
});

it('the readme shows the front-door commands', () => {
	const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
	const setUp = readme.slice(0, readme.indexOf('## Test'));
	expect(setUp.indexOf('npm install')).toBeLessThan(setUp.indexOf('npm run demo'));
	expect(readme).toContain('npm test');
});

it('the readme speaks to the user: no internal document names or workflow codes', () => {
	const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
	// The design documents, their workflow numbers (W1…W10) and component names are the project's, not the reader's.
	expect(readme).not.toMatch(/PRODUCT\.md|DESIGN\.md|\bW\d{1,2}\b|\bSecretOnce\b/);
});
