// The setup every terminal test shares: moto with AWS managed policies, the seeded demo account, the
// built iamtui opened in tmux against it (killed after each test), and moto stopped at the end. Each
// opened TUI gets its own config folder (IAMTUI_CONFIG_DIR), so journals and records do not mix.
import {afterAll, afterEach, beforeAll} from 'vitest';
import {seedDemoAccount, type SeedSummary} from '../../scripts/seed.js';
import {cliPath, motoEnvironment, root, runCli} from './cli.js';
import {TmuxSession} from './tmux.js';
import {startMoto, type Moto} from './with-moto.js';

export interface E2eAccount {
	moto: () => Moto;
	seed: () => SeedSummary;
	/** The environment the binary runs with: dummy credentials and this test's config folder. */
	env: () => Record<string, string>;
	/** Opens `iamtui --endpoint-url MOTO …args` in tmux and waits for the Users list. */
	open: (options?: {width?: number; height?: number; args?: string[]}) => Promise<TmuxSession>;
	/** The headless binary against the same account and config folder. */
	cli: (args: string[]) => ReturnType<typeof runCli>;
}

/** Call inside describeWithMoto: registers the hooks and returns accessors for the running account. */
export const e2eAccount = (): E2eAccount => {
	let moto: Moto | undefined;
	let seed: SeedSummary | undefined;
	let session: TmuxSession | undefined;
	let env: Record<string, string> = {};

	beforeAll(async () => {
		moto = await startMoto({loadManagedPolicies: true});
		seed = await seedDemoAccount(moto.endpoint);
	});
	afterEach(() => {
		session?.kill();
		session = undefined;
	});
	afterAll(async () => moto?.stop());

	// A fresh config folder (and HOME) per opened TUI; the headless runs after it share that folder.
	const fresh = () => (env = motoEnvironment());

	return {
		moto: () => moto!,
		seed: () => seed!,
		env: () => (Object.keys(env).length > 0 ? env : fresh()),
		async open(options = {}) {
			session = TmuxSession.start({
				command: [process.execPath, cliPath, '--endpoint-url', moto!.endpoint, ...(options.args ?? [])],
				env: fresh(),
				width: options.width ?? 140,
				height: options.height ?? 40,
				cwd: root,
			});
			await session.waitFor(/Users \(\d+\)/);
			return session;
		},
		cli: args => runCli([...args, '--endpoint-url', moto!.endpoint], Object.keys(env).length > 0 ? env : fresh()),
	};
};

/** Filters the Users list to one name and opens it. */
export const openUser = async (tui: TmuxSession, name: string): Promise<void> => {
	tui.keys('/');
	tui.type(name);
	await tui.waitFor(/Users \(1\/\d+\)/);
	tui.keys('Enter');
	await tui.waitFor(/esc clears/);
	tui.keys('Enter');
	await tui.waitFor(`User ${name}`);
};
