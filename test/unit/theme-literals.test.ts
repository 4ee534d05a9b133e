// Issue 17, item 3: a screen says what its text is (a tone), ui/theme.ts says how that looks. This holds
// source/ui to it: a literal colour (color="red", a bare dimColor, a colour name in quotes…) anywhere but
// theme.ts fails here. Every file is converted: there is no allow-list left.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const UI = path.join(import.meta.dirname, '../../source/ui');
const THEME = 'theme.ts';

const COLOUR_NAME = '(?:black|red|green|yellow|blue|magenta|cyan|white|gray|grey)(?:Bright)?';
const LITERALS: Array<{what: string; pattern: RegExp}> = [
	{what: 'a colour prop given a string', pattern: /\b(?:color|backgroundColor)=\{?\s*["'`]/},
	{what: 'dimColor or inverse without a theme value', pattern: /\b(?:dimColor|inverse)(?=[\s/>])|\b(?:dimColor|inverse)=\{\s*(?:true|false)\s*\}/},
	{what: 'a colour name in quotes', pattern: new RegExp(`["'\`]${COLOUR_NAME}["'\`]`)},
	{what: 'a hex or rgb colour', pattern: /["'`](?:#[\da-f]{3,8}|rgb\(|hsl\(|ansi256\()/i},
];

/** Each literal colour in a source text, as "line N: what — the line". */
export const literalColours = (source: string): string[] =>
	source.split('\n').flatMap((line, n) => LITERALS.filter(({pattern}) => pattern.test(line)).map(({what}) => `line ${n + 1}: ${what} — ${line.trim()}`));

const uiFiles = (): string[] =>
	readdirSync(UI, {recursive: true, encoding: 'utf8'})
		.filter(file => /\.tsx?$/.test(file))
		.map(file => file.split(path.sep).join('/'))
		.sort();

describe('literal colours in source/ui', () => {
	it('the scanner finds each kind of literal, and passes themed props', () => {
		const found = (text: string) => literalColours(text).length > 0;
		expect(found('<Text color="red">x</Text>')).toBe(true);
		expect(found("<Text color={'yellow'}>x</Text>")).toBe(true);
		expect(found('<Text backgroundColor="#ff0000">x</Text>')).toBe(true);
		expect(found('<Text dimColor>x</Text>')).toBe(true);
		expect(found('<Text dimColor wrap="wrap">x</Text>')).toBe(true);
		expect(found('<Text dimColor={true}>x</Text>')).toBe(true);
		expect(found('<Text inverse> </Text>')).toBe(true);
		expect(found("const tone = {color: active ? 'cyan' : undefined};")).toBe(true);
		expect(found("decision === 'Allowed' ? 'greenBright' : 'red'")).toBe(true);
		expect(found("const c = chalk.hex('#00ff00');")).toBe(true);
		for (const themed of [
			'<Text color={theme.error}>x</Text>',
			'<Text dimColor={theme.muted}>x</Text>',
			'<Text inverse={selected && theme.selection}>x</Text>',
			'<ToneText tone="warning">x</ToneText>',
			'<Text {...toneProps(theme, "muted")} bold>x</Text>',
			"// a comment that says red is for errors",
		])
			expect(found(themed), themed).toBe(false);
	});

	it('none outside theme.ts', () => {
		const found = uiFiles()
			.filter(file => file !== THEME)
			.flatMap(file => literalColours(readFileSync(path.join(UI, file), 'utf8')).map(line => `${file} ${line}`));
		expect(found).toEqual([]);
	});

	it('theme.ts names the colours', () => {
		expect(literalColours(readFileSync(path.join(UI, THEME), 'utf8')).length).toBeGreaterThan(0);
	});
});
