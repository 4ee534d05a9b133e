// The ui tests run the Ink the binary bundles (issue 17): patches/ink+6.8.0.patch is applied to
// node_modules at npm install, and vitest imports Ink from there. Only the patched renderer keeps a
// frame's rows across frames: a row it has drawn before is not rebuilt cell by cell (Output's
// buildRow runs only for rows not seen before). Rendered through ink-testing-library, like every ui test.
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import {afterEach, expect, it, vi} from 'vitest';
import {tick} from '../helpers/render.js';

type OutputPrototype = {buildRow?: (writes: unknown[]) => string};

// Ink's Output class, the very module Ink renders with (same file, so the same module instance).
const inkOutput = async (): Promise<OutputPrototype> => {
	const file = path.join(path.dirname(createRequire(import.meta.url).resolve('ink')), 'output.js');
	return ((await import(pathToFileURL(file).href)) as {default: {prototype: OutputPrototype}}).default.prototype;
};

// Rows of two text nodes each (two writes on a row), so no row takes the one-plain-write shortcut.
const tag = Math.random().toString(36).slice(2, 8);
const List = ({cursor}: {cursor: number}) => (
	<Box flexDirection="column">
		{Array.from({length: 12}, (_, index) => (
			<Box key={index}>
				<Text>{index === cursor ? '›' : ' '}</Text>
				<Text> user-{tag}-{index}</Text>
			</Box>
		))}
	</Box>
);

// Polls until the last frame holds `text` (never a fixed sleep), then yields a tick.
const waitForFrame = async (lastFrame: () => string | undefined, text: string): Promise<void> => {
	const deadline = Date.now() + 5000;
	while (!(lastFrame() ?? '').includes(text)) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${text}; last frame:\n${lastFrame()}`);
		await new Promise(resolve => setTimeout(resolve, 5));
	}
	await tick();
};

afterEach(() => {
	vi.restoreAllMocks();
});

it('ink-testing-library renders with the patched Ink: a row drawn in an earlier frame is reused, not rebuilt', async () => {
	const prototype = await inkOutput();
	expect(typeof prototype.buildRow, 'Output.buildRow: node_modules/ink is not patched (run npm install)').toBe('function');
	const built = vi.spyOn(prototype as Required<OutputPrototype>, 'buildRow');

	const app = render(<List cursor={0} />);
	await waitForFrame(app.lastFrame, `› user-${tag}-0`);
	// The first frame builds each of its 12 rows.
	expect(built.mock.calls.length).toBeGreaterThanOrEqual(12);

	built.mockClear();
	app.rerender(<List cursor={1} />);
	await waitForFrame(app.lastFrame, `› user-${tag}-1`);
	// The cursor moved: only its old and new rows are new; the other 10 come from the cache.
	expect(built.mock.calls.length).toBe(2);

	built.mockClear();
	app.rerender(<List cursor={0} />);
	await waitForFrame(app.lastFrame, `› user-${tag}-0`);
	// Back to the first frame: every row was drawn before, none is rebuilt.
	expect(built.mock.calls.length).toBe(0);
	expect(app.lastFrame()!.split('\n')).toHaveLength(12);
	app.unmount();
});
