// User, group, membership, tag and console-password writes through the real gateway against moto,
// each checked afterwards through the gateway's reads; plus the account-level reads.
import {CreateAccountAliasCommand, UpdateAccountPasswordPolicyCommand} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {startFaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto} from '../helpers/with-moto.js';
import {ACCOUNT, useMotoForWrites} from './writes-moto.js';

describeWithMoto('user and group writes against moto', () => {
	const env = useMotoForWrites();

	it('createUser puts path and tags in the one CreateUser call; getUser and the snapshot show them', async () => {
		const gateway = env.gateway();
		expect(await gateway.getUser('ana')).toBeNull();
		const proxy = await startFaultProxy({target: env.moto().endpoint, seed: 1});
		try {
			await env.gateway(proxy.endpoint).createUser({user: 'ana', path: '/eng/', tags: [{Key: 'team', Value: 'lightsail'}]});
			expect(proxy.stats().byAction).toEqual({CreateUser: 1});
		} finally {
			await proxy.stop();
		}
		expect(await gateway.getUser('ana')).toMatchObject({name: 'ana', path: '/eng/', arn: `arn:aws:iam::${ACCOUNT}:user/eng/ana`});
		const user = (await gateway.loadSnapshot()).users.find(u => u.name === 'ana');
		expect(user?.tags).toEqual([{Key: 'team', Value: 'lightsail'}]);
	});

	it('creating a user that exists is a Conflict; deleting a missing user is NotFound', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		await expect(gateway.createUser({user: 'ana'})).rejects.toMatchObject({kind: 'Conflict', code: 'EntityAlreadyExists'});
		await expect(gateway.deleteUser({user: 'ghost'})).rejects.toMatchObject({kind: 'NotFound', code: 'NoSuchEntity'});
	});

	it('tagUser and untagUser change the tags userDetails reads', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana', tags: [{Key: 'team', Value: 'a'}]});
		await gateway.tagUser({user: 'ana', tags: [{Key: 'cost-center', Value: '42'}]});
		await gateway.untagUser({user: 'ana', tagKeys: ['team']});
		expect((await gateway.userDetails('ana')).tags).toEqual([{Key: 'cost-center', Value: '42'}]);
	});

	it('createGroup, addUserToGroup, removeUserFromGroup, deleteGroup', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		await gateway.createGroup({group: 'Devs', path: '/teams/'});
		await gateway.addUserToGroup({user: 'ana', group: 'Devs'});
		let snapshot = await gateway.loadSnapshot();
		expect(snapshot.groups.find(g => g.name === 'Devs')).toMatchObject({path: '/teams/'});
		expect(snapshot.users.find(u => u.name === 'ana')?.groups).toEqual(['Devs']);

		await gateway.removeUserFromGroup({user: 'ana', group: 'Devs'});
		expect((await gateway.loadSnapshot()).users.find(u => u.name === 'ana')?.groups).toEqual([]);
		await gateway.deleteGroup({group: 'Devs'});
		snapshot = await gateway.loadSnapshot();
		expect(snapshot.groups.map(g => g.name)).not.toContain('Devs');
		await expect(gateway.createGroup({group: 'Ops'})).resolves.toBeUndefined();
		await expect(gateway.createGroup({group: 'Ops'})).rejects.toMatchObject({kind: 'Conflict'});
	});

	it('createLoginProfile, updateLoginProfile and deleteLoginProfile; loginProfile reads null when there is none', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		expect(await gateway.loginProfile('ana')).toBeNull();
		await gateway.createLoginProfile({user: 'ana', password: 'Correct-Horse-9-Battery', passwordResetRequired: true});
		// (moto ignores PasswordResetRequired, so only the profile's existence is asserted.)
		expect(await gateway.loginProfile('ana')).toMatchObject({createDate: expect.stringMatching(/^\d{4}-/)});
		await expect(
			gateway.createLoginProfile({user: 'ana', password: 'Another-Horse-9-Battery', passwordResetRequired: true}),
		).rejects.toMatchObject({kind: 'Conflict'});
		await gateway.updateLoginProfile({user: 'ana', password: 'Third-Horse-9-Battery', passwordResetRequired: false});
		expect(await gateway.loginProfile('ana')).not.toBeNull();
		await gateway.deleteLoginProfile({user: 'ana'});
		expect(await gateway.loginProfile('ana')).toBeNull();
	});

	it('deleteUser removes the user', async () => {
		const gateway = env.gateway();
		await gateway.createUser({user: 'ana'});
		await gateway.deleteUser({user: 'ana'});
		expect(await gateway.getUser('ana')).toBeNull();
		expect((await gateway.loadSnapshot()).users).toEqual([]);
	});

	it('passwordPolicy is null until the account sets one; accountAlias is null until there is one', async () => {
		const gateway = env.gateway();
		expect(await gateway.passwordPolicy()).toBeNull();
		expect(await gateway.accountAlias()).toBeNull();
		await env.sdk().send(new UpdateAccountPasswordPolicyCommand({MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true}));
		await env.sdk().send(new CreateAccountAliasCommand({AccountAlias: 'acme-prod'}));
		expect(await gateway.passwordPolicy()).toEqual({
			minimumLength: 14,
			requireSymbols: true,
			requireNumbers: true,
			requireUppercase: false,
			requireLowercase: false,
		});
		expect(await gateway.accountAlias()).toBe('acme-prod');
	});
});
