// Writes the keybinding table from source/ui/keymap.ts (keymap-markdown.ts renders it) into readme.md (between the keys markers).
// test/unit/readme.test.ts fails when the two drift apart.
import {readFileSync, writeFileSync} from 'node:fs';
import {keymapMarkdown} from '../source/ui/keymap-markdown.js';

const START = '<!-- keys:start -->';
const END = '<!-- keys:end -->';

export const withKeyTable = (readme: string): string => {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`readme.md has no ${START} … ${END} section`);
	return `${readme.slice(0, start + START.length)}\n${keymapMarkdown().trim()}\n${readme.slice(end)}`;
};

if (import.meta.url === `file://${process.argv[1]}`) {
	writeFileSync('readme.md', withKeyTable(readFileSync('readme.md', 'utf8')));
}
