// The build's patches to Ink's frame output must change nothing on screen: the patched Output.get()
// gives exactly Ink's own frame for the same writes and clips, frame after frame (so rows reused from
// the cache are the rows Ink would build), with styles, wide characters, overlaps and clipping.
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {patchInkOutput, patchInkRenderNode} from '../../scripts/ink-patches.js';
import {mulberry32} from '../helpers/prng.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const inkBuild = path.dirname(createRequire(import.meta.url).resolve('ink'));
// Inside node_modules, so the patched file resolves Ink's own dependencies.
const scratch = path.join(root, 'node_modules', '.cache', `iamtui-ink-patch-test-${process.pid}`);

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

describe('Ink output patches (scripts/ink-patches.ts)', () => {
	let Original: OutputClass;
	let Patched: OutputClass;

	beforeAll(async () => {
		mkdirSync(scratch, {recursive: true});
		const source = readFileSync(path.join(inkBuild, 'output.js'), 'utf8');
		// Ink's own file, and the patched one, both loaded from the scratch folder (same resolution).
		writeFileSync(path.join(scratch, 'original.mjs'), source);
		writeFileSync(path.join(scratch, 'patched.mjs'), patchInkOutput(source));
		Original = ((await import(pathToFileURL(path.join(scratch, 'original.mjs')).href)) as {default: OutputClass}).default;
		Patched = ((await import(pathToFileURL(path.join(scratch, 'patched.mjs')).href)) as {default: OutputClass}).default;
	});
	afterAll(() => rmSync(scratch, {recursive: true, force: true}));

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

	it('refuses an Ink whose output code is not the one the patch was made for', () => {
		const source = readFileSync(path.join(inkBuild, 'output.js'), 'utf8');
		expect(() => patchInkOutput(source.replace('styledCharsToString(lineWithoutEmptyItems)', 'styledCharsToString(line)'))).toThrow(/Output\.get\(\) changed/);
		expect(() => patchInkOutput(source.replace('    caches = new OutputCaches();', ''))).toThrow(/changed/);
		const renderNode = readFileSync(path.join(inkBuild, 'render-node-to-output.js'), 'utf8');
		expect(patchInkRenderNode(renderNode)).toContain('const currentWidth = cachedWidestLine(text);');
		expect(() => patchInkRenderNode(renderNode.replace('const currentWidth = widestLine(text);', ''))).toThrow(/width measurement changed/);
	});
});
