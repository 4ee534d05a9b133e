// Explain with a request context inside the App: `c` on the Access view takes KEY=VALUE entries (parsed as
// `can --context` parses them); an unknown key is named inline with close names; a Conditional answer then
// resolves and says which condition the context decided.
import {describe, expect, it} from 'vitest';
import {MFA_USER, accessSnapshot} from '../fixtures/access.js';
import {accountWithRoles, allow, policy, trustPolicy, trusts, userArn} from '../fixtures/roles.js';
import {setRequestContext} from '../helpers/access-steps.js';
import {appHarness} from '../helpers/app.js';
import {keys, type Rendered as TuiHandle} from '../helpers/render.js';

const harness = appHarness();

const openAccess = async (tui: TuiHandle, user: string) => {
	await tui.waitFor('Users (14)');
	tui.write('/');
	await tui.type(user);
	await tui.waitFor('Users (1/14)');
	tui.write(keys.enter);
	await tui.waitFor(/esc clears/);
	tui.write(keys.enter);
	await tui.waitFor(`User ${user}`);
	tui.write('A');
	await tui.waitFor(`Access of ${user}`);
};

const explainTerminate = async (tui: TuiHandle) => {
	tui.write('e');
	await tui.waitFor(`can ${MFA_USER} do`);
	await tui.type('ec2:TerminateInstances');
	await tui.waitFor('do ec2:TerminateInstances');
	tui.write(keys.enter);
	return tui.waitFor(/(Allowed|Conditional|Denied \(implicit\)) — ec2:TerminateInstances on \*/);
};

describe('Explain with a request context (c)', () => {
	it('without context: Conditional on MFA; c with MFA present: Allowed, decided by it; MFA absent: denied, decided by it', async () => {
		const tui = harness.start({snapshot: accessSnapshot(), columns: 120, rows: 40}).tui;
		await openAccess(tui, MFA_USER);
		expect(await explainTerminate(tui)).toContain('Conditional — ec2:TerminateInstances on *');
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes(`can ${MFA_USER} do`));

		// A misspelt key: named inline with the close name; the field stays open.
		tui.write('c');
		await tui.waitFor('request context');
		await tui.type('aws:MultiFactorAuthPresnt=true');
		tui.write(keys.enter);
		const wrong = await tui.waitFor('unknown context key "aws:MultiFactorAuthPresnt"');
		expect(wrong).toContain('did you mean aws:MultiFactorAuthPresent');
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes('unknown context key'));
		await setRequestContext(tui, 'aws:MultiFactorAuthPresent=true aws:SourceIp=10.0.0.1');

		const allowed = await explainTerminate(tui);
		expect(allowed).toContain('Allowed — ec2:TerminateInstances on *');
		expect(allowed).toContain('decided by aws:MultiFactorAuthPresent=true: if aws:MultiFactorAuthPresent Bool true holds');
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes(`can ${MFA_USER} do`));

		await setRequestContext(tui, 'aws:MultiFactorAuthPresent=false');
		const denied = await explainTerminate(tui);
		expect(denied).toContain('Denied (implicit) — ec2:TerminateInstances on *');
		expect(denied).toContain('decided by aws:MultiFactorAuthPresent=false: if aws:MultiFactorAuthPresent Bool true does not hold');
	});

	it('a mistyped value is refused inline with the expected type; esc leaves the context as it was', async () => {
		const tui = harness.start({snapshot: accessSnapshot(), columns: 120, rows: 40}).tui;
		await openAccess(tui, MFA_USER);
		tui.write('c');
		await tui.waitFor('request context');
		await tui.type('aws:SourceIp=not-an-ip');
		tui.write(keys.enter);
		expect(await tui.waitFor('context aws:SourceIp=not-an-ip: expected')).not.toContain('--context');
		tui.write(keys.escape);
		await tui.waitForFrame(f => !f.includes('enter applies') && !f.includes('not-an-ip'));
		expect(await explainTerminate(tui)).toContain('Conditional — ec2:TerminateInstances on *');
	});
});

describe('Explain with a request context, through roles', () => {
	it('a trust the context does not meet: "not through role WithMfa with the context set", with what decided', async () => {
		const snapshot = accountWithRoles({
			users: {ana: {}, bob: {}},
			roles: {WithMfa: {trust: trustPolicy(trusts(userArn('ana'), {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}})), inline: {ec2: policy(allow('ec2:*'))}}},
		}).snapshot;
		const tui = harness.start({snapshot, columns: 160, rows: 40}).tui;
		await tui.waitFor('Users (2)');
		tui.write(keys.enter);
		await tui.waitFor('User ana');
		tui.write('A');
		await tui.waitFor('Access of ana');
		const ask = async () => {
			tui.write('e');
			await tui.waitFor('can ana do');
			await tui.type('ec2:TerminateInstances');
			await tui.waitFor('do ec2:TerminateInstances');
			tui.write(keys.enter);
			const frame = await tui.waitFor(/through role WithMfa/);
			tui.write(keys.escape);
			await tui.waitForFrame(f => !f.includes('can ana do'));
			return frame;
		};
		await setRequestContext(tui, 'aws:MultiFactorAuthPresent=false');
		const refused = await ask();
		expect(refused).toContain('not through role WithMfa with the context set');
		expect(refused).toContain('decided by aws:MultiFactorAuthPresent=false: Bool aws:MultiFactorAuthPresent true does not hold (trust policy of WithMfa, statement #1)');
		await setRequestContext(tui, 'aws:MultiFactorAuthPresent=true');
		const allowed = await ask();
		expect(allowed).toContain('through role WithMfa: Allowed');
		expect(allowed).toContain('decided by aws:MultiFactorAuthPresent=true: Bool aws:MultiFactorAuthPresent true holds (trust policy of WithMfa, statement #1)');
		expect(allowed).not.toContain('not through role');
	});
});
