// `npm run demo` on a machine without moto_server: it says so, then opens the bundled export read-only.
import {afterEach, expect, it} from 'vitest';
import path from 'node:path';
import {root} from '../helpers/cli.js';
import {TmuxSession} from '../helpers/tmux.js';

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

it('falls back to the bundled demo export, read-only, when moto_server is not installed', async () => {
	// A PATH with node but without moto_server (which lives in the Python environment).
	const nodeDir = path.dirname(process.execPath);
	session = TmuxSession.start({
		command: [process.execPath, path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/demo.ts'],
		env: {PATH: `${nodeDir}:/usr/bin:/bin`, HOME: root},
		cwd: root,
		width: 130,
		height: 36,
	});
	const notice = await session.waitFor('Press enter to open it');
	expect(notice).toContain('moto_server');
	expect(notice).toContain("pip install 'moto[server]'");
	session.keys('Enter');
	const screen = await session.waitFor('Users (40)');
	expect(screen).toContain('READ-ONLY');
	expect(screen).toContain('ana.silva');
	session.keys('q');
	expect(await session.waitForExit()).toBe(0);
}, 60_000);
