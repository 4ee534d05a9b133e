// The create-user wizard in the real App (W1): IAM's name rules as the operator types, the plan in the
// order IAM needs, the fixture gateway called in that order, the credentials shown once on SecretOnce
// and nowhere after they are dismissed.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {PasswordPolicy} from '../../source/model/gateway.js';
import type {FixtureGateway} from '../fixtures/gateway.js';
import {appHarness} from '../helpers/app.js';
import {fillCreateUserWizard, toTypedPassword} from '../helpers/create-user-steps.js';
import {keys, renderTui, tick, type Rendered} from '../helpers/render.js';

const harness = appHarness();
/** The wizard rendered alone, outside the App (the last test). */
let alone: Rendered | undefined;
afterEach(() => {
	alone?.unmount();
	alone = undefined;
});

const CTRL_U = '\u0015';

const start = (options: {passwordPolicy?: PasswordPolicy} = {}) =>
	harness.start({passwordPolicy: options.passwordPolicy ?? null, columns: 130, rows: 40});

const writes = (gateway: FixtureGateway) => gateway.calls.filter(c => !/^(callerIdentity|loadSnapshot|userDetails|loginProfile|getUser|accessKeys|mfaDevices)/.test(c));

const openWizard = async (tui: Rendered) => {
	await tui.waitFor('Users (12)');
	tui.write('n');
	await tui.waitFor('Create a user · step 1 of 3');
};

/** Types into the focused field as one paste, then waits for it to show. */
const paste = async (tui: Rendered, text: string, shown = text) => {
	tui.write(text);
	await tui.waitFor(shown);
};

const clear = async (tui: Rendered, gone: string) => {
	tui.write(CTRL_U);
	await tui.waitForFrame(f => !f.includes(gone));
	await tick();
};

describe('create-user wizard', () => {
	it('checks the name as IAM would — empty, spaces, too long, taken (ignoring case) — and does not go on', async () => {
		const {tui, gateway} = start();
		await openWizard(tui);
		tui.write(keys.enter);
		await tui.waitFor('the user name is empty');
		expect(tui.lastFrame()).toContain('step 1 of 3');

		await paste(tui, 'ana silva');
		await tui.waitFor('contains a space; IAM accepts only letters, digits and + = , . @ _ -');
		tui.write(keys.enter);
		await tick();
		expect(tui.lastFrame()).toContain('step 1 of 3');

		await clear(tui, 'ana silva');
		const long = 'x'.repeat(65);
		await paste(tui, long);
		await tui.waitFor('the user name is 65 characters long; IAM accepts at most 64');

		await clear(tui, long);
		await paste(tui, 'Ana.Silva');
		await tui.waitFor('a user named ana.silva already exists, and IAM user names ignore case');
		tui.write(keys.enter);
		await tick();
		expect(tui.lastFrame()).toContain('step 1 of 3');

		// A path must start and end with "/".
		await clear(tui, 'Ana.Silva');
		await paste(tui, 'lena.new');
		await tui.waitForFrame(f => !f.includes('already exists'));
		tui.write(keys.tab);
		await tui.waitFor('› Path');
		await paste(tui, 'engineering', '/engineering');
		await tui.waitFor('must start and end with "/"');
		tui.write(keys.escape);
		await tui.waitFor('Users (12)');
		expect(writes(gateway)).toEqual([]);
	});

	it('builds createUser → login profile → IAMUserChangePassword → access key → group, runs it in that order, shows the secrets once', async () => {
		const {tui, gateway, services} = start();
		const {groups} = await fillCreateUserWizard(tui, {name: 'lena.new', tags: 'team=lightsail'});
		expect(groups).toMatch(/LightsailFullAccessGroup +LightsailFullAccessPolicy/);
		expect(groups).toMatch(/RightScaleDash +AllowEverything \(inline\)/);

		const plan = await tui.waitFor('Create user lena.new');
		const order = [
			'1. Create user lena.new with 1 tag',
			'2. Give lena.new a console password (shown once, to be changed at first sign-in)',
			'3. Attach IAMUserChangePassword to user lena.new',
			'4. Create an access key for lena.new',
			'5. Add lena.new to group LightsailFullAccessGroup',
		];
		const positions = order.map(step => plan.indexOf(step));
		expect(positions.every(p => p >= 0), plan).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		expect(plan).toContain('aws iam create-login-profile --user-name lena.new --password');
		expect(plan).toContain('gets LightsailFullAccessPolicy');
		expect(writes(gateway)).toEqual([]);

		tui.write('y');
		const secret = await tui.waitFor('shown once — save or copy now');
		expect(writes(gateway)).toEqual([
			'createUser:lena.new',
			'createLoginProfile:lena.new',
			'attachUserPolicy:lena.new:arn:aws:iam::aws:policy/IAMUserChangePassword',
			'createAccessKey:lena.new',
			'addUserToGroup:lena.new:LightsailFullAccessGroup',
		]);
		const key = /Secret access key +(\S+)/.exec(secret)?.[1];
		const password = /Password +(\S+)/.exec(secret)?.[1];
		expect(key).toMatch(/^fixture-secret-/);
		expect(password).toHaveLength(20);
		expect(secret).toContain('must be changed at next sign-in');
		expect(secret).toMatch(/Access key ID +AKIAFIXTURE/);

		tui.write('d');
		await tui.waitFor('dismiss anyway? y/n');
		tui.write('y');
		const after = await tui.waitFor('Users (13)');
		const frames = [after];
		// The new user, with the group and the policy through it (W1), and the help: nowhere the secret.
		tui.write('/');
		await tui.waitFor('type to filter');
		await tui.type('lena');
		tui.write(keys.enter);
		await tui.waitFor('esc clears');
		tui.write(keys.enter);
		frames.push(await tui.waitFor('User lena.new'));
		frames.push(await tui.waitFor('LightsailFullAccessPolicy  via LightsailFullAccessGroup'));
		tui.write('?');
		frames.push(await tui.waitFor('Show or hide this help'));
		tui.write(keys.escape);
		frames.push(await tui.waitFor('User lena.new'));
		for (const frame of frames) {
			expect(frame).not.toContain(key!);
			expect(frame).not.toContain(password!);
		}
		// Nor in any file the app wrote (config store, journal).
		const folder = path.dirname(services.store.path);
		for (const file of readdirSync(folder, {recursive: true, withFileTypes: true}).filter(e => e.isFile())) {
			const text = readFileSync(path.join(file.parentPath, file.name), 'utf8');
			expect(text).not.toContain(key!);
			expect(text).not.toContain(password!);
		}
	});

	it('a typed password shows as bullets, is checked against the account’s policy, and is what gets set', async () => {
		const policy: PasswordPolicy = {minimumLength: 14, requireSymbols: true, requireNumbers: true, requireUppercase: true, requireLowercase: true};
		const {tui, gateway} = start({passwordPolicy: policy});
		await openWizard(tui);
		await paste(tui, 'typist');
		await toTypedPassword(tui);
		await tui.waitFor('Password policy: at least 14 characters, an uppercase letter, a lowercase letter, a digit, a symbol');
		tui.write(keys.tab);
		await tui.waitFor('› Password');
		tui.write('Short1!a');
		const short = await tui.waitFor('The password needs at least 14 characters (it has 8).');
		expect(short).toContain('••••••••');
		expect(short).not.toContain('Short1!a');
		// Going on is refused while it is invalid.
		tui.write(keys.enter);
		await tick();
		tui.write(keys.enter);
		await tick();
		tui.write(keys.enter);
		await tick();
		expect(tui.lastFrame()).toContain('step 2 of 3');

		await clear(tui, '••••••••');
		const typed = 'Correct-Horse-9-Battery';
		tui.write(typed);
		const ok = await tui.waitFor('•'.repeat(typed.length));
		expect(ok).not.toContain(typed);
		expect(ok).not.toContain('needs at least');
		for (const next of ['› Reset at next sign-in', '› Access key', 'step 3 of 3']) {
			tui.write(keys.enter);
			await tui.waitFor(next);
		}
		tui.write(keys.enter);
		const plan = await tui.waitFor('Create user typist');
		expect(plan).not.toContain(typed);
		// The operator typed it: the plan never calls it generated.
		expect(plan).toContain('<the password you typed>');
		expect(plan).not.toMatch(/generated/);
		tui.write('y');
		const shown = await tui.waitFor('shown once — save or copy now');
		expect(shown).toMatch(/Password +Correct-Horse-9-Battery/);
		expect(writes(gateway)).toEqual(['createUser:typist', 'createLoginProfile:typist', 'attachUserPolicy:typist:arn:aws:iam::aws:policy/IAMUserChangePassword']);
		expect(gateway.calls.join('\n')).not.toContain(typed);
	});
});

describe('create-user wizard alone', () => {
	it('a planning failure is shown on the form and no plan leaves it', async () => {
		const {buildIndex} = await import('../../source/model/indexes.js');
		const {fixtureSnapshot} = await import('../fixtures/account.js');
		const {KeyboardProvider} = await import('../../source/ui/hooks/keyboard.js');
		const {CreateUserWizard} = await import('../../source/ui/screens/CreateUserWizard.js');
		const plans: unknown[] = [];
		alone = renderTui(
			<KeyboardProvider readOnly={false}>
				<CreateUserWizard
					index={buildIndex(fixtureSnapshot())}
					loadPasswordPolicy={async () => null}
					// A broken random source: no password can be generated.
					randomBytes={() => new Uint8Array(0)}
					onPlan={plan => plans.push(plan)}
					onBack={() => {}}
					focused
					width={120}
					height={30}
				/>
			</KeyboardProvider>,
			{columns: 120, rows: 30},
		);
		const tui = alone;
		await tui.waitFor('step 1 of 3');
		await paste(tui, 'solo');
		for (const step of ['› Path', '› Tags', 'step 2 of 3']) {
			tui.write(keys.enter);
			await tui.waitFor(step);
		}
		tui.write(' ');
		await tui.waitFor('generated password');
		for (const step of ['› Reset at next sign-in', '› Access key', 'step 3 of 3']) {
			tui.write(keys.enter);
			await tui.waitFor(step);
		}
		tui.write(keys.enter);
		await tui.waitFor('Cannot plan this: the random source returned no bytes (nothing was sent)');
		expect(tui.lastFrame()).toContain('step 3 of 3');
		expect(plans).toEqual([]);
	});
});
