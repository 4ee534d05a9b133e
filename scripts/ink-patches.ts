// Ink's frame output is patched for speed: patches/ink+6.8.0.patch, applied to node_modules by npm's
// postinstall (scripts/apply-patches.mjs, patch-package), so the ui tests (vitest imports Ink from
// node_modules) and the bundle run the same Ink. Until issue 17 the bundle patched Ink by string surgery
// at build time and every ui test ran unpatched Ink. What the patch does:
// Ink rebuilds every frame cell by cell: for each text node it measures the text (string-width, which
// segments graphemes as soon as a line holds a non-ASCII character such as … or ›), then fills a
// width × height grid of cell objects and turns each row back into a string. A key press that moves
// the cursor changes two rows of a 40-row list, yet paid for all 40: most of a 9 ms frame.
// 1. Output caches kept across frames (bounded) instead of one set per frame.
// 2. A row's text is cached by the writes that made it (position and text of each): an unchanged row
//    costs a lookup (Output.prototype.buildRow runs only for rows not seen before). Rows are built
//    exactly as Ink builds them; only the reuse is new. A row holding one write without escape codes is
//    the written text itself (what Ink's cells add up to).
// 3. The width of a text node's text is cached by its text.
// 4. log-update.js: upstream Ink 7's fix #910 of incremental rendering (each frame was drawn one row low),
//    so the TUI can use incrementalRendering (only changed rows rewritten; source/tui.tsx).
// 5. A line wholly inside a horizontal clip is kept as written instead of sliced (slice-ansi tokenises every
//    character: on a long who-can answer most of a frame); a line the clip cuts is sliced as before.
// This file is the check: the build fails loudly unless the Ink files it bundles are exactly the patched
// ones (unpatched: run npm install; a new Ink: port the patch, `npx patch-package ink`, update these).
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Plugin} from 'esbuild';

/** sha256 of each patched Ink 6.8.0 file, whole, as patches/ink+6.8.0.patch leaves it (see inkFileHash). */
export const PATCHED_INK_FILES: Record<string, string> = {
	'log-update.js': 'ebfee3f48899ad39cb3463171d11da48b41f4f0f30caccf2b31ea65cf0f1e116',
	'output.js': '34bb5bb6846cdac6cc21259e5683e68864597332cc2558f66031f33b7be79ebe',
	'render-node-to-output.js': 'e107f8ce818b5b50678b2fd6b16a322072024cf9d70145ae1db33be434c4af86',
};

/** sha256 of the same files as Ink 6.8.0 ships them (what reversing the patch gives back). */
export const UPSTREAM_INK_FILES: Record<string, string> = {
	'log-update.js': '2d184e9776ac98b122a7801b132465035ee2118c2deb510a87aba2a0a1a41ae4',
	'output.js': 'de9078c7fc647c40cf9e32d6658fcbbee91dae9e3f6334e5f4ebfc5905fc401d',
	'render-node-to-output.js': 'd0c06d2474bd6338fa807ba0a0a39fb713a197df38c7a266b9316c6dd80b3297',
};

const INK_PATCHED = /[\\/]ink[\\/]build[\\/](log-update|output|render-node-to-output)\.js$/;

/** A file's sha256, final newlines aside: patch-package keeps no file's final newline faithfully. */
export const inkFileHash = (source: string): string => createHash('sha256').update(source.replace(/\n+$/, '')).digest('hex');

/** Throws unless `source` is the patched Ink file `name` (a key of PATCHED_INK_FILES). */
export const checkInkPatched = (name: string, source: string, file = `ink/build/${name}`): void => {
	const expected = PATCHED_INK_FILES[name];
	if (expected === undefined) throw new Error(`${file}: not a file patches/ink+6.8.0.patch patches`);
	if (inkFileHash(source) !== expected) {
		throw new Error(
			`${file} is not the patched Ink (patches/ink+6.8.0.patch): run npm install (its postinstall applies the patch); ` +
				'after upgrading Ink, port the patch (npx patch-package ink) and update scripts/ink-patches.ts',
		);
	}
};

/** esbuild plugin: bundles Ink's patched files only after checking they are the patched ones. */
export const inkPatchCheck: Plugin = {
	name: 'ink-patch-check',
	setup(build) {
		build.onLoad({filter: INK_PATCHED}, async args => {
			const contents = await readFile(args.path, 'utf8');
			checkInkPatched(INK_PATCHED.exec(args.path)![1]! + '.js', contents, args.path);
			return {contents, loader: 'js'};
		});
	},
};

/** Throws unless the Ink that `fromDir` resolves is the patched one (vitest.config.ts runs it, so no test runs other Ink). */
export const assertInstalledInkPatched = (fromDir: string): void => {
	const inkBuild = path.dirname(createRequire(path.join(fromDir, 'package.json')).resolve('ink'));
	for (const name of Object.keys(PATCHED_INK_FILES)) checkInkPatched(name, readFileSync(path.join(inkBuild, name), 'utf8'), path.join(inkBuild, name));
};
