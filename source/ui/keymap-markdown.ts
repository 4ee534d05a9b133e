// The keymap as the readme's key table (scripts/sync-readme-keys.ts writes it; test/unit/readme.test.ts
// fails when the readme drifts from it): every command, then the command line's entries.
import {commandLineEntries} from './jump-targets.js';
import {commands, type Command, type KeymapOptions} from './keymap.js';

const scopeText = (cmd: Command): string => (cmd.scope === 'global' ? 'everywhere' : cmd.scope.join(', '));

/** The keymap as a markdown table; dangerous commands left out in read-only mode. */
export const keymapMarkdown = (options: KeymapOptions = {}): string => {
	const rows = commands
		.filter(cmd => !(options.readOnly && cmd.dangerous))
		.map(cmd => `| ${cmd.keys.map(k => `\`${k}\``).join(' ')} | ${cmd.description} | ${scopeText(cmd)} |`);
	const jumps = commandLineEntries.map(entry => `| \`:${entry.name}\` | ${entry.description} | everywhere |`);
	return ['| keys | what it does | where |', '|---|---|---|', ...rows, ...jumps].join('\n');
};
