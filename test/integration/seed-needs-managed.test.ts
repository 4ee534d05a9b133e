// `npm run seed` against a moto started without the AWS managed policies (the readme's first step, missed):
// it must say what to do before it creates anything, so that a second try on the same moto is not met by
// "EntityAlreadyExists" for half an account.
import {IAMClient, ListGroupsCommand, ListRolesCommand, ListUsersCommand} from '@aws-sdk/client-iam';
import {expect, it} from 'vitest';
import {seedDemoAccount} from '../../scripts/seed.js';
import {describeWithMoto, useMoto} from '../helpers/with-moto.js';

describeWithMoto('seeding a moto without the AWS managed policies', () => {
	const started = useMoto({loadManagedPolicies: false});

	it('refuses up front, names the setting to start moto with, and leaves the account empty', async () => {
		const moto = started();
		await expect(seedDemoAccount(moto.endpoint)).rejects.toThrow(/start moto_server with MOTO_IAM_LOAD_MANAGED_POLICIES=true .*Nothing was created/);
		const iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		expect((await iam.send(new ListUsersCommand({}))).Users).toEqual([]);
		expect((await iam.send(new ListGroupsCommand({}))).Groups).toEqual([]);
		expect((await iam.send(new ListRolesCommand({}))).Roles).toEqual([]);
	});
});
