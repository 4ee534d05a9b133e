import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {writeOutput, writeSafe, writeText, type Sink} from '../../source/commands/output.js';
import {sanitize, sanitizeMultiline, terminalJson, terminalText} from '../../source/model/sanitize.js';

describe('sanitize', () => {
	it('strips CSI sequences (colours, cursor moves, clear screen)', () => {
		expect(sanitize('\u001B[31mred\u001B[0m')).toBe('red');
		expect(sanitize('a\u001B[2J\u001B[1;1Hb')).toBe('ab');
		expect(sanitize('x\u001B[?1049hy')).toBe('xy');
		expect(sanitize('x\u009B31my')).toBe('xy');
	});

	it('strips OSC, DCS, APC strings ended by BEL or ST, even unterminated', () => {
		expect(sanitize('a\u001B]0;pwned\u0007b')).toBe('ab');
		expect(sanitize('a\u001B]8;;http://evil\u001B\\link\u001B]8;;\u001B\\b')).toBe('alinkb');
		expect(sanitize('a\u001BPq#0;2;0;0;0\u001B\\b')).toBe('ab');
		expect(sanitize('a\u001B_hidden\u001B\\b')).toBe('ab');
		expect(sanitize('a\u001B]0;never ends')).toBe('a');
		expect(sanitize('a\u009D0;title\u009Cb')).toBe('ab');
	});

	it('strips other escapes and every C0/C1 control character', () => {
		expect(sanitize('a\u001Bcb')).toBe('ab');
		expect(sanitize('a\u001B(Bb')).toBe('ab');
		expect(sanitize('a\u0000b\u0007c\u0008d\u007Fe\u0085f')).toBe('abcdef');
		expect(sanitize('a\u202Eb\u2066c')).toBe('abc');
	});

	it('turns tabs and newlines into spaces on one line; keeps them in multi-line text', () => {
		expect(sanitize('a\tb\nc\r\nd')).toBe('a b c  d');
		expect(sanitizeMultiline('{\n\t"a": 1\r\n}\u001B[2J')).toBe('{\n  "a": 1\n}');
	});

	it('keeps normal unicode', () => {
		expect(sanitize('José Müller 山田 🚀 user+tag=x,y.z@ex-ample')).toBe('José Müller 山田 🚀 user+tag=x,y.z@ex-ample');
	});
});

/** Bytes a terminal acts on: C0 (but newline), DEL, C1, bidi overrides. */
const ACTIVE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const HOSTILE = 'mallory\u001B[31mRED\u001B]0;pwned\u0007x\u009B2J\u202Eevil\u0085';

const capture = (): Sink & {text: () => string} => {
	const chunks: string[] = [];
	return {write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('')};
};

describe('TerminalText: the only text the writer takes', () => {
	it('terminalText strips sequences and controls, keeps lines', () => {
		expect(terminalText(`iamtui: no user named "${HOSTILE}"\nnext line`)).toBe('iamtui: no user named "malloryREDxevil"\nnext line');
	});

	it('terminalJson keeps every value exact and leaves nothing a terminal acts on', () => {
		const value = {name: HOSTILE, tag: 'del\u007F nel\u0085 ls\u2028', plain: 'José 山田'};
		const safe = terminalJson(JSON.stringify(value, null, 2));
		expect(safe).not.toMatch(ACTIVE);
		expect(safe).toContain('\\u202e');
		expect(JSON.parse(safe)).toEqual(value);
	});

	it('terminalJson given text JSON.stringify did not make (raw controls in it) still sanitises it whole', () => {
		const raw = `{"name": "${HOSTILE}",\t"tab": 1}`;
		const safe = terminalJson(raw);
		expect(safe).not.toMatch(ACTIVE);
		expect(safe).not.toContain('\t');
		expect(safe).toBe(terminalText(raw.replace(/\u0085/g, '\\u0085').replace(/\u009b/g, '\\u009b').replace(/\u202e/g, '\\u202e')));
	});

	it('the writer ends lines, writes nothing for empty text, and sanitises text and JSON output', () => {
		const sink = capture();
		writeText(sink, `iamtui: did you mean ${HOSTILE}?`);
		writeText(sink, '');
		writeOutput(sink, JSON.stringify({name: HOSTILE}), true);
		writeOutput(sink, `table ${HOSTILE}\n`, false);
		writeSafe(sink, terminalText('done'));
		expect(sink.text()).not.toMatch(ACTIVE);
		expect(sink.text().split('\n')).toEqual(['iamtui: did you mean malloryREDxevil?', '{"name":"mallory\\u001b[31mRED\\u001b]0;pwned\\u0007x\\u009b2J\\u202eevil\\u0085"}', 'table malloryREDxevil', 'done', '']);
		// @ts-expect-error a plain string is not TerminalText: it must pass terminalText first
		writeSafe(sink, 'raw');
	});

	it('nothing in source/ writes to stdout or stderr except through the writer', () => {
		const root = path.resolve(import.meta.dirname, '../../source');
		const files = (dir: string): string[] =>
			readdirSync(dir, {withFileTypes: true}).flatMap(entry => (entry.isDirectory() ? files(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : []));
		const direct = /\b(stdout|stderr)\.write\(|console\.(log|error|warn|info|debug)\(|output: process\.(stdout|stderr)|writeSync\([12],/;
		const offenders = files(root)
			.flatMap(file => readFileSync(file, 'utf8').split('\n').map((line, n) => [path.relative(root, file), n + 1, line] as const))
			.filter(([file, , line]) => direct.test(line) && !line.trim().startsWith('//') && file !== path.join('commands', 'output.ts'))
			.map(([file, n, line]) => `${file}:${n}: ${line.trim()}`);
		// The readline prompt writes its question itself: that question passes terminalText (confirm.ts).
		// The config store's default notice is replaced by the CLI with one through the writer.
		// terminal.ts writes only its own constant sequences (the alternate screen, the cursor).
		const allowed = [path.join('commands', 'confirm.ts'), path.join('store', 'config.ts'), 'terminal.ts'];
		expect(offenders.filter(o => !allowed.some(file => o.startsWith(`${file}:`)))).toEqual([]);
		expect(readFileSync(path.join(root, 'cli.tsx'), 'utf8')).toMatch(/new ConfigStore\(\{[^\n]*notice: line => writeText\(toStderr/);
		expect(readFileSync(path.join(root, 'commands', 'confirm.ts'), 'utf8')).toContain('prompt.question(terminalText(question),');
	});
});
