// `npm run demo` as a new user runs it, in tmux, with its own TMPDIR: it names the moto endpoint and the
// folder holding its config, journal and records; after q nothing of it is left in the temp folder, unless
// --keep was given (then the folder is named again at exit and holds the config store). --offline says it
// was asked for, not that moto is missing.
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {root} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto} from '../helpers/with-moto.js';

let session: TmuxSession | undefined;
const temps: string[] = [];
afterEach(() => {
	session?.kill();
	session = undefined;
	for (const dir of temps.splice(0)) rmSync(dir, {recursive: true, force: true});
});

const demo = (...args: string[]) => {
	const tmp = mkdtempSync(path.join(os.tmpdir(), 'iamtui-demo-tmp-'));
	temps.push(tmp);
	session = TmuxSession.start({
		command: [process.execPath, path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/demo.ts', ...args],
		env: {PATH: process.env.PATH ?? '', HOME: tmp, TMPDIR: tmp},
		cwd: root,
		width: 140,
		height: 40,
	});
	return {session, tmp};
};

/** The folder the demo named at start, read from the scrollback. */
const namedFolder = (text: string): string => {
	const match = /Demo folder \(config, journal, records\): (\S+)/.exec(text);
	if (!match) throw new Error(`no demo folder named in:\n${text}`);
	return match[1]!;
};

describeWithMoto('npm run demo: its folder and endpoint', () => {
	it('names the moto endpoint and its folder; after q the temp folder is empty again', async () => {
		const {session, tmp} = demo();
		await session.waitFor('Users (40)', 90_000);
		// While the TUI runs (on the alternate screen), its folder is the one demo folder in TMPDIR.
		const running = readdirSync(tmp).filter(name => name.startsWith('iamtui-demo-'));
		expect(running).toHaveLength(1);
		session.keys('q');
		expect(await session.waitForExit(20_000)).toBe(0);
		// Back on the normal screen, what the demo printed before the TUI opened is there to read.
		const printed = session.scrollback();
		expect(printed).toMatch(/moto_server \(the demo account, on loopback only\): http:\/\/127\.0\.0\.1:\d+/);
		expect(namedFolder(printed)).toBe(path.join(tmp, running[0]!));
		expect(printed).toContain('removed when the demo ends (npm run demo -- --keep keeps it)');
		expect(readdirSync(tmp).filter(name => name.startsWith('iamtui'))).toEqual([]);
	}, 120_000);

	it('--keep keeps the folder, names it at exit, and it holds the config store', async () => {
		const {session} = demo('--keep');
		await session.waitFor('Users (40)', 90_000);
		session.keys('q');
		expect(await session.waitForExit(20_000)).toBe(0);
		const printed = session.scrollback();
		const folder = namedFolder(printed);
		// A long temp folder wraps its line at the terminal's width: read the lines joined.
		const joined = printed.split('\n').join('');
		expect(joined).toContain(`kept after the demo (--keep); read it with: npx iamtui journal --config-dir ${folder}`);
		expect(joined).toContain(`The demo folder was kept: ${folder}`);
		expect(readdirSync(folder).length).toBeGreaterThan(0);
	}, 120_000);
});

it('--offline says it was asked for, not that moto is missing', async () => {
	const {session} = demo('--offline');
	const notice = await session.waitFor('Press enter to open it');
	expect(notice).toContain('Offline, as asked (--offline)');
	expect(notice).not.toContain('is not on your PATH');
	session.keys('Enter');
	await session.waitFor('Users (40)');
	session.keys('q');
	expect(await session.waitForExit()).toBe(0);
}, 60_000);

// Nothing is left in the temp folder however the demo ends: Ctrl-C before the TUI opens (here at the
// offline notice's prompt; live, while moto starts and the account is seeded) and a closed terminal.
const demoFolders = (tmp: string) => readdirSync(tmp).filter(name => name.startsWith('iamtui-demo-'));

it('Ctrl-C before the TUI opens ends the demo and removes its folder', async () => {
	const {session, tmp} = demo('--offline');
	// The demo builds dist/ first when it is older than the sources.
	await session.waitFor('Press enter to open it', 90_000);
	expect(demoFolders(tmp)).toHaveLength(1);
	session.keys('C-c');
	expect(await session.waitForExit()).toBe(130);
	expect(demoFolders(tmp)).toEqual([]);
}, 120_000);

it('closing the terminal while the TUI runs removes the folder', async () => {
	const {session, tmp} = demo('--offline');
	await session.waitFor('Press enter to open it', 90_000);
	session.keys('Enter');
	await session.waitFor('Users (40)');
	expect(demoFolders(tmp)).toHaveLength(1);
	// tmux kill-server: the terminal goes away, SIGHUP to everything in it, as closing the window does.
	session.kill();
	const deadline = Date.now() + 15_000;
	while (demoFolders(tmp).length > 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100));
	expect(demoFolders(tmp)).toEqual([]);
}, 120_000);
