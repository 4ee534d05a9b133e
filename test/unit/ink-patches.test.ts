// patches/ink+6.8.0.patch (applied to node_modules at npm install) must change nothing on screen: the
// patched Output.get() gives exactly Ink's own frame for the same writes and clips, frame after frame
// (so rows reused from the cache are the rows Ink would build), with styles, wide characters, overlaps and
// clipping. Ink's own files are had back by reversing the patch with patch-package on a scratch copy; the
// build's check (scripts/ink-patches.ts) accepts the patched files and nothing else.
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkInkPatched, inkFileHash, PATCHED_INK_FILES, UPSTREAM_INK_FILES} from '../../scripts/ink-patches.js';
import {mulberry32} from '../helpers/prng.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const inkBuild = path.dirname(require.resolve('ink'));
// Inside node_modules, so Ink's files there resolve Ink's own dependencies.
const scratch = path.join(root, 'node_modules', '.cache', `iamtui-ink-patch-test-${process.pid}`);
const scratchInk = path.join(scratch, 'node_modules', 'ink');

type Operation = {type: 'write'; x: number; y: number; text: string; transformers: Array<(line: string, index: number) => string>} | {type: 'clip'; clip: object} | {type: 'unclip'};
interface OutputLike {
	write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
	clip(clip: object): void;
	unclip(): void;
	get(): {output: string; height: number};
}
type OutputClass = new (options: {width: number; height: number}) => OutputLike;

const ESC = '\u001B[';
const bold = (text: string) => `${ESC}1m${text}${ESC}22m`;
const inverse = (text: string) => `${ESC}7m${text}${ESC}27m`;
const WORDS = ['user-00042', 'team-001, team-002', '…', '› ', '日本語', '👍', 'ümlaut', 'x', '  ', 'ARN:aws:iam::1:user/a'];

/** A deterministic frame: the rows of a list, some styled, one moving cursor, and random extras. */
const frameOperations = (random: () => number, frame: number): Operation[] => {
	const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
	const operations: Operation[] = [];
	for (let y = 0; y < 12; y++) {
		const text = Array.from({length: 1 + Math.floor(random() * 4)}, () => pick(WORDS)).join(' ');
		const styled = y === frame % 12 ? inverse(bold(`› ${text}`)) : `  ${text}`;
		operations.push({type: 'write', x: 0, y, text: styled, transformers: y % 5 === 0 ? [line => bold(line)] : []});
	}
	if (random() < 0.7) operations.push({type: 'clip', clip: {x1: 3, x2: 20, y1: 2, y2: 8}});
	operations.push({type: 'write', x: Math.floor(random() * 46), y: Math.floor(random() * 14) - 1, text: `${pick(WORDS)}\n${pick(WORDS)}`, transformers: []});
	// Styled text that the clip cuts, or that lies wholly inside it (kept as written, not sliced).
	operations.push({type: 'write', x: 3 + Math.floor(random() * 12), y: 2 + Math.floor(random() * 6), text: inverse(bold(pick(WORDS))), transformers: random() < 0.5 ? [line => bold(line)] : []});
	if (operations.some(o => o.type === 'clip')) operations.push({type: 'unclip'});
	return operations;
};

const render = (Output: OutputClass, operations: Operation[]) => {
	const output = new Output({width: 40, height: 12});
	for (const operation of operations) {
		if (operation.type === 'write') output.write(operation.x, operation.y, operation.text, {transformers: operation.transformers});
		else if (operation.type === 'clip') output.clip(operation.clip);
		else output.unclip();
	}
	return output.get();
};

describe('Ink output patch (patches/ink+6.8.0.patch)', () => {
	let Original: OutputClass;
	let Patched: OutputClass;
	const upstream: Record<string, string> = {};

	beforeAll(async () => {
		// A scratch package holding the patched files: patch-package --reverse gives Ink's own back.
		mkdirSync(path.join(scratchInk, 'build'), {recursive: true});
		mkdirSync(path.join(scratch, 'patches'), {recursive: true});
		writeFileSync(path.join(scratch, 'package.json'), '{"name":"scratch","version":"0.0.0"}');
		copyFileSync(path.join(root, 'patches', 'ink+6.8.0.patch'), path.join(scratch, 'patches', 'ink+6.8.0.patch'));
		copyFileSync(path.join(inkBuild, '..', 'package.json'), path.join(scratchInk, 'package.json'));
		for (const name of Object.keys(PATCHED_INK_FILES)) copyFileSync(path.join(inkBuild, name), path.join(scratchInk, 'build', name));
		const reverse = spawnSync(process.execPath, [require.resolve('patch-package/index.js'), '--reverse', '--error-on-fail', '--error-on-warn'], {
			cwd: scratch,
			encoding: 'utf8',
		});
		expect(reverse.status, reverse.stdout + reverse.stderr).toBe(0);
		for (const name of Object.keys(PATCHED_INK_FILES)) upstream[name] = readFileSync(path.join(scratchInk, 'build', name), 'utf8');
		Original = ((await import(pathToFileURL(path.join(scratchInk, 'build', 'output.js')).href)) as {default: OutputClass}).default;
		Patched = ((await import(pathToFileURL(path.join(inkBuild, 'output.js')).href)) as {default: OutputClass}).default;
	});
	afterAll(() => rmSync(scratch, {recursive: true, force: true}));

	it('is made against Ink 6.8.0 as published, and node_modules holds the patched files', () => {
		for (const name of Object.keys(PATCHED_INK_FILES)) {
			expect(inkFileHash(upstream[name]!), name).toBe(UPSTREAM_INK_FILES[name]);
			expect(() => checkInkPatched(name, readFileSync(path.join(inkBuild, name), 'utf8'))).not.toThrow();
		}
	});

	it('draws exactly the frames Ink draws, frame after frame, rows reused or not', () => {
		const random = mulberry32(7);
		let frames = 0;
		for (let frame = 0; frame < 300; frame++) {
			const operations = frameOperations(random, frame);
			const expected = render(Original, operations);
			expect(render(Patched, operations)).toEqual(expected);
			// The same frame again comes from the cache: still identical.
			expect(render(Patched, operations)).toEqual(expected);
			frames++;
		}
		expect(frames).toBe(300);
	});

	it('the build refuses an Ink whose files are not the patched ones (unpatched, or another version)', () => {
		for (const name of Object.keys(PATCHED_INK_FILES)) {
			expect(() => checkInkPatched(name, upstream[name]!)).toThrow(/not the patched Ink.*npm install/);
			const patched = readFileSync(path.join(inkBuild, name), 'utf8');
			expect(() => checkInkPatched(name, patched.replace('const ', 'let '))).toThrow(/not the patched Ink/);
		}
		expect(() => checkInkPatched('ink.js', '')).toThrow(/not a file/);
	});
});
