// Headless tables line up in a terminal whatever the names hold: CJK characters and emoji take two
// cells each, combining marks none. Measured with the same display width a terminal uses.
import stringWidth from 'string-width';
import {expect, it} from 'vitest';
import {textTable} from '../../source/commands/text-table.js';

/** The terminal column (in cells) where `cell` starts on `line`. */
const columnOf = (line: string, cell: string): number => stringWidth(line.slice(0, line.indexOf(cell)));

it('aligns columns by display width with CJK, emoji and combining marks in the cells', () => {
	const rows = [
		['山田太郎', 'Ops', 'yes'],
		['ana', '開発者', 'no'],
		['👩‍💻dev', 'Ops,🚀launch', 'yes'],
		['Jose\u0301', 'Ro\u0302les', 'no'], // é and ô as a letter and a combining mark
		['plain', '-', 'no'],
	];
	const lines = textTable(['USER', 'GROUPS', 'MFA'], rows).split('\n');
	expect(lines).toHaveLength(rows.length + 1);
	const groupsAt = columnOf(lines[0]!, 'GROUPS');
	const mfaAt = columnOf(lines[0]!, 'MFA');
	rows.forEach(([, groups, mfa], i) => {
		const line = lines[i + 1]!;
		expect(columnOf(line, groups!), line).toBe(groupsAt);
		expect(columnOf(line, ` ${mfa!}`) + 1, line).toBe(mfaAt);
	});
	// The widest user name is 8 cells (four CJK characters): the next column starts two cells after.
	expect(groupsAt).toBe(stringWidth('山田太郎') + 2);
	// Plain text: no colour or style codes, whatever the terminal.
	expect(lines.join('\n')).not.toMatch(/\u001B/);
});

it('keeps untrusted cells inert and still aligned', () => {
	const lines = textTable(['USER', 'NOTE'], [
		['mallory\u001B[31m红\u001B[0m', 'x'],
		['bob', 'y'],
	]).split('\n');
	expect(lines[1]).toBe('mallory红  x');
	expect(columnOf(lines[2]!, 'y')).toBe(columnOf(lines[1]!, 'x'));
});
