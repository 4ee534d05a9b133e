// W8 "profiles" with the built iamtui in tmux: two emulated accounts (the seeded moto, and a second moto
// with two users), whose credentials live in ~/.aws/credentials as an operator's would. In the TUI,
// :profiles → a adds "emu" and "emu2" (name, region, endpoint); switching between them reloads the
// account; quit; started again WITHOUT --endpoint-url, iamtui opens the last used profile and loads
// its account. The config store holds the profiles and no secret. As a guard, ~/.aws/config points the
// default profile at a closed loopback port, so a run that forgot the stored endpoint would fail here
// instead of reaching anything but 127.0.0.1.
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CreateUserCommand, IAMClient} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {ALL_USERS} from '../../scripts/seed.js';
import {cliPath, root} from '../helpers/cli.js';
import {e2eAccount} from '../helpers/e2e.js';
import {jump, moveCursorTo, typeText} from '../helpers/e2e-steps.js';
import {TmuxSession} from '../helpers/tmux.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const OTHER_USERS = ['other.one', 'other.two'];
/** ~/.aws/credentials: dummy keys moto accepts; none of them may end up in iamtui's config. */
const CREDENTIALS = {
	default: {id: 'AKIAW8DEFAULT0000001', secret: 'w8-dummy-secret-for-default'},
	emu: {id: 'AKIAW8EMU00000000001', secret: 'w8-dummy-secret-for-emu'},
	emu2: {id: 'AKIAW8EMU20000000002', secret: 'w8-dummy-secret-for-emu2'},
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every key name and every string value of a JSON document, however deep. */
const walk = (value: unknown, keys: string[] = [], strings: string[] = []): {keys: string[]; strings: string[]} => {
	if (typeof value === 'string') strings.push(value);
	else if (Array.isArray(value)) for (const item of value) walk(item, keys, strings);
	else if (value && typeof value === 'object')
		for (const [key, item] of Object.entries(value)) {
			keys.push(key);
			walk(item, keys, strings);
		}
	return {keys, strings};
};

/** Puts the cursor on a profile: from the top (g), down to it. The rows are sorted by name. */
const chooseProfile = async (tui: TmuxSession, name: string): Promise<void> => {
	tui.keys('g');
	await tui.waitFor(/^›[\s●]+default\s/m);
	// The current profile carries a ● before its name.
	await moveCursorTo(tui, new RegExp(`^›[\\s●]+${name}\\s`));
};

describeWithMoto('e2e: W8 profiles in tmux', () => {
	const account = e2eAccount();

	it('adds two profiles, switches between them, and reopens the last one without --endpoint-url; no secret stored', async () => {
		const sessions: TmuxSession[] = [];
		let other: Moto | undefined;
		try {
			other = await startMoto();
			const iam = new IAMClient({region: 'us-east-1', endpoint: other.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
			for (const name of OTHER_USERS) await iam.send(new CreateUserCommand({UserName: name}));
			iam.destroy();

			const env = account.env();
			const aws = path.join(env.HOME!, '.aws');
			mkdirSync(aws, {recursive: true});
			writeFileSync(
				path.join(aws, 'credentials'),
				Object.entries(CREDENTIALS)
					.map(([name, c]) => `[${name}]\naws_access_key_id = ${c.id}\naws_secret_access_key = ${c.secret}\n`)
					.join('\n'),
			);
			writeFileSync(path.join(aws, 'config'), '[default]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\n');
			// Only the files hold credentials: exported keys would win over the remembered profile (as for the aws CLI).
			const {AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...fileOnlyEnv} = env;
			const start = (args: string[]) => {
				const session = TmuxSession.start({command: [process.execPath, cliPath, ...args], env: fileOnlyEnv, width: 140, height: 40, cwd: root});
				sessions.push(session);
				return session;
			};

			// First run: pointed at the seeded account by the flag.
			const tui = start(['--endpoint-url', account.moto().endpoint]);
			await tui.waitFor(`Users (${ALL_USERS.length})`, 60_000);
			await jump(tui, 'profiles', /Profiles \(\d+\)/);
			await tui.waitFor(/^›?\s+emu2\s+~\/\.aws/m);
			for (const [name, endpoint] of [['emu', account.moto().endpoint], ['emu2', other.endpoint]] as const) {
				tui.keys('a');
				await tui.waitFor('Add a profile');
				await typeText(tui, name, new RegExp(`Name\\s+${name}\\b`));
				tui.keys('Enter');
				await tui.waitFor('optional, e.g. us-east-1');
				await typeText(tui, 'us-east-1', /Region\s+us-east-1/);
				tui.keys('Enter');
				await tui.waitFor('optional, e.g. http://127.0.0.1:5000');
				await typeText(tui, endpoint, new RegExp(`Endpoint\\s+${escape(endpoint)}`));
				tui.keys('Enter');
				await tui.waitFor(`Profile ${name} saved`);
				await tui.waitFor(new RegExp(`\\s${name}\\s+iamtui \\+ ~/\\.a\\S*\\s+us-east-1\\s+${escape(endpoint)}`));
			}

			// Switching reloads the account: emu2 is the other moto, emu the seeded one.
			await chooseProfile(tui, 'emu2');
			tui.keys('Enter');
			const second = await tui.waitFor(screen => screen.includes('profile emu2 ·') && screen.includes(`Users (${OTHER_USERS.length})`), 60_000);
			for (const name of OTHER_USERS) expect(second).toContain(name);
			expect(second).not.toContain('ana.silva');
			await jump(tui, 'profiles', /Profiles \(\d+\)/);
			await chooseProfile(tui, 'emu');
			tui.keys('Enter');
			const first = await tui.waitFor(screen => screen.includes('profile emu ·') && screen.includes(`Users (${ALL_USERS.length})`), 60_000);
			expect(first).toContain('ana.silva');
			expect(first).not.toContain('other.one');
			tui.keys('q');
			expect(await tui.waitForExit()).toBe(0);

			// The config store: both profiles with their settings, emu last used, and no secret.
			const folder = env.IAMTUI_CONFIG_DIR!;
			const [configFile] = readdirSync(folder).filter(name => name.endsWith('.json'));
			expect(configFile).toBeDefined();
			const configPath = path.join(folder, configFile!);
			expect(statSync(configPath).mode & 0o777).toBe(0o600);
			const text = readFileSync(configPath, 'utf8');
			const config = JSON.parse(text) as {profiles: Array<{name: string; region?: string; endpoint?: string}>; lastProfile?: string};
			expect(config.lastProfile).toBe('emu');
			expect(config.profiles).toEqual(
				expect.arrayContaining([
					expect.objectContaining({name: 'emu', region: 'us-east-1', endpoint: account.moto().endpoint}),
					expect.objectContaining({name: 'emu2', region: 'us-east-1', endpoint: other.endpoint}),
				]),
			);
			const {keys, strings} = walk(config);
			expect(keys.filter(key => /secret|password|session|token|credential|access.?key/i.test(key))).toEqual([]);
			for (const secret of [env.AWS_SECRET_ACCESS_KEY!, ...Object.values(CREDENTIALS).flatMap(c => [c.secret, c.id])]) {
				expect(strings).not.toContain(secret);
				expect(text).not.toContain(secret);
			}

			// Started again without --endpoint-url: the last used profile, with its stored endpoint.
			const again = start([]);
			const reopened = await again.waitFor(screen => screen.includes('profile emu ·') && screen.includes(`Users (${ALL_USERS.length})`), 60_000);
			expect(reopened).toContain('ana.silva');
			// And switching from there still reloads.
			await jump(again, 'profiles', /Profiles \(\d+\)/);
			await chooseProfile(again, 'emu2');
			again.keys('Enter');
			await again.waitFor(screen => screen.includes('profile emu2 ·') && screen.includes(`Users (${OTHER_USERS.length})`), 60_000);
			again.keys('q');
			expect(await again.waitForExit()).toBe(0);
			expect((JSON.parse(readFileSync(configPath, 'utf8')) as {lastProfile?: string}).lastProfile).toBe('emu2');
		} finally {
			for (const session of sessions) session.kill();
			await other?.stop();
		}
	}, 300_000);
});
