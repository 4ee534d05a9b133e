// A plan that stops part-way (AccessDenied at the last step of W1): the secrets already issued are
// shown once, then the report says what was done and what failed, and u offers the plan that takes it
// back — shown and confirmed like any other (deleting the new user needs its name typed).
import {describe, expect, it} from 'vitest';
import {IamError} from '../../source/model/errors.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {fillCreateUserWizard} from '../helpers/create-user-steps.js';
import {keys, tick, type Rendered} from '../helpers/render.js';

const harness = appHarness();

const denied = new IamError('AccessDenied', 'User operator is not authorized to perform iam:AddUserToGroup', 'ask an administrator for iam:AddUserToGroup', 'AccessDenied');

/** W1 through the wizard (lena.new with a password, a key and one group), then y on the plan. */
const createLena = async (tui: Rendered) => {
	await fillCreateUserWizard(tui, {name: 'lena.new'});
	tui.write('y');
};

describe('undo after a plan stopped part-way', () => {
	it('W1 denied at the group: secrets first, then the report, u plans the undo, the typed name runs it and the account is as before', async () => {
		const {tui, gateway} = harness.start({failWrite: {operation: 'addUserToGroup', error: denied}});
		await createLena(tui);
		// The key and password were issued before the failure: they are shown once, as always.
		const secret = await tui.waitFor('shown once — save or copy now');
		const accessKeyId = /Access key ID +(AKIA\w+)/.exec(secret)?.[1];
		expect(accessKeyId).toBeDefined();
		tui.write('d');
		await tui.waitFor('dismiss anyway? y/n');
		tui.write('y');

		const report = await tui.waitFor('Stopped part-way: u plans taking back the 4 changes that went through');
		expect(report).toMatch(/done\s+Create user lena\.new/);
		expect(report).toMatch(/FAILED\s+Add lena\.new to group LightsailFullAccessGroup — User operator is not authorized/);
		const sent = writesOf(gateway);
		expect(sent.at(-1)).toBe('addUserToGroup:lena.new:LightsailFullAccessGroup');

		tui.write('u');
		const undo = await tui.waitFor('Type "lena.new" and press enter to run 4 steps');
		const lines = [
			`aws iam delete-access-key --user-name lena.new --access-key-id ${accessKeyId}`,
			'aws iam detach-user-policy --user-name lena.new --policy-arn arn:aws:iam::aws:policy/IAMUserChangePassword',
			'aws iam delete-login-profile --user-name lena.new',
			'aws iam delete-user --user-name lena.new',
		];
		const positions = lines.map(line => undo.indexOf(line));
		expect(positions.every(p => p >= 0), undo).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		// Nothing more was sent until the undo is confirmed.
		expect(writesOf(gateway)).toEqual(sent);

		await tui.type('lena.new');
		tui.write(keys.enter);
		await tui.waitFor(/done\s+Delete user lena\.new/);
		expect(writesOf(gateway).slice(sent.length)).toEqual([
			`deleteAccessKey:lena.new:${accessKeyId}`,
			'detachUserPolicy:lena.new:arn:aws:iam::aws:policy/IAMUserChangePassword',
			'deleteLoginProfile:lena.new',
			'deleteUser:lena.new',
		]);
		tui.write(keys.enter);
		await tui.waitFor('Users (12)');
	});

	it('esc on the report leaves what was done as it is: nothing more is sent', async () => {
		const {tui, gateway} = harness.start({failWrite: {operation: 'addUserToGroup', error: denied}});
		await createLena(tui);
		await tui.waitFor('shown once — save or copy now');
		tui.write('d');
		await tui.waitFor('dismiss anyway? y/n');
		tui.write('y');
		await tui.waitFor('Stopped part-way');
		const sent = writesOf(gateway);
		tui.write(keys.escape);
		await tui.waitFor('Users (13)');
		expect(writesOf(gateway)).toEqual(sent);
	});

	it('a failure at the first step offers no undo', async () => {
		const {tui, gateway} = harness.start({failWrite: {operation: 'removeUserFromGroup', error: denied}});
		await tui.waitFor('Users (12)');
		tui.write(keys.enter);
		await tui.waitFor('User ana.silva');
		tui.write(keys.tab);
		await tui.waitForFrame(f => (f.split('\n').find(line => line.trimStart().startsWith('› ')) ?? '').includes('Developers'));
		tui.write('x');
		await tui.waitFor('Remove ana.silva from group Developers');
		tui.write('y');
		const report = await tui.waitFor('Stopped at the first failure');
		expect(report).not.toContain('u plans taking back');
		tui.write('u');
		await tick();
		expect(tui.lastFrame()).toContain('Stopped at the first failure');
		expect(writesOf(gateway)).toEqual(['removeUserFromGroup:ana.silva:Developers']);
	});
});
