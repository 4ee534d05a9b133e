// W9 through the real gateway against moto: roles created with the SDK (an account-trusted Admin that the
// Developers group may assume, a Deploy role that trusts one user directly with MFA), the snapshot loaded as
// the TUI loads it; who-can names the developer through Admin with the whole path and the Deploy user as
// Conditional; `can` answers through roles (and --direct without them); removing the developer from the group
// removes them from the answer.
import {
	AddUserToGroupCommand,
	AttachRolePolicyCommand,
	CreateGroupCommand,
	CreatePolicyCommand,
	CreateRoleCommand,
	CreateUserCommand,
	IAMClient,
	PutGroupPolicyCommand,
	PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, beforeEach, expect, it, vi} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {canCommand, whoCanCommand} from '../../source/commands/access.js';
import {buildAccessModel, whoCan, type WhoCanAnswer} from '../../source/model/access.js';
import {buildIndex} from '../../source/model/indexes.js';
import {describeWithMoto, startMoto, stubMotoCredentials, type Moto} from '../helpers/with-moto.js';

const ACCOUNT = '123456789012';
const TERMINATE = 'ec2:TerminateInstances';
const doc = (...Statement: unknown[]) => JSON.stringify({Version: '2012-10-17', Statement});
const trust = (Principal: unknown, Condition?: unknown) => doc({Effect: 'Allow', Principal, Action: 'sts:AssumeRole', ...(Condition ? {Condition} : {})});

describeWithMoto('who-can and can through roles (W9, moto)', () => {
	let moto: Moto;
	const gateway = () => createGateway({endpoint: moto.endpoint, maxAttempts: 2});
	const answer = async (): Promise<WhoCanAnswer> => {
		const result = await whoCan(buildAccessModel(buildIndex(await gateway().loadSnapshot())), TERMINATE);
		if (!result.ok) throw new Error(result.message);
		return result;
	};

	beforeAll(async () => {
		stubMotoCredentials();
		moto = await startMoto();
	});
	beforeEach(async () => {
		await moto.reset();
		const iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		for (const UserName of ['dev', 'ops', 'nobody']) await iam.send(new CreateUserCommand({UserName}));
		await iam.send(new CreateGroupCommand({GroupName: 'Developers'}));
		await iam.send(new PutGroupPolicyCommand({GroupName: 'Developers', PolicyName: 'AssumeAdmin', PolicyDocument: doc({Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT}:role/Admin`})}));
		await iam.send(new AddUserToGroupCommand({GroupName: 'Developers', UserName: 'dev'}));
		await iam.send(new CreateRoleCommand({RoleName: 'Admin', AssumeRolePolicyDocument: trust({AWS: `arn:aws:iam::${ACCOUNT}:root`})}));
		const everything = await iam.send(new CreatePolicyCommand({PolicyName: 'Everything', PolicyDocument: doc({Effect: 'Allow', Action: '*', Resource: '*'})}));
		await iam.send(new AttachRolePolicyCommand({RoleName: 'Admin', PolicyArn: everything.Policy!.Arn!}));
		await iam.send(new CreateRoleCommand({RoleName: 'Deploy', AssumeRolePolicyDocument: trust({AWS: `arn:aws:iam::${ACCOUNT}:user/ops`}, {Bool: {'aws:MultiFactorAuthPresent': 'true'}})}));
		await iam.send(new PutRolePolicyCommand({RoleName: 'Deploy', PolicyName: 'Terminate', PolicyDocument: doc({Effect: 'Allow', Action: TERMINATE, Resource: '*'})}));
		await iam.send(new CreateRoleCommand({RoleName: 'web-ec2', AssumeRolePolicyDocument: trust({Service: 'ec2.amazonaws.com'})}));
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.stop();
	});

	it('who-can names the developer through Admin (whole path) and ops as Conditional (MFA); leaving the group removes the developer', async () => {
		const before = await answer();
		expect(before.users.map(u => [u.name, u.decision])).toEqual([['dev', 'Allowed'], ['ops', 'Conditional']]);
		const [path] = before.users[0]!.throughRoles!;
		expect(path!.role).toBe('Admin');
		expect(path!.steps[0]!.identity[0]!.source).toEqual({kind: 'inline', name: 'AssumeAdmin', viaGroup: 'Developers'});
		expect(path!.steps[0]!.trust).toMatchObject({role: 'Admin', principal: 'account'});
		expect(path!.via[0]!.statement.source).toMatchObject({kind: 'managed', name: 'Everything', role: 'Admin'});
		expect(before.users[1]!.throughRoles![0]!.steps[0]!.conditions[0]).toMatchObject({key: 'aws:MultiFactorAuthPresent', where: 'trust'});
		expect(before.roles.map(r => r.name)).toEqual(['Admin', 'Deploy']);

		await gateway().removeUserFromGroup({user: 'dev', group: 'Developers'});
		expect((await answer()).users.map(u => u.name)).toEqual(['ops']);
	});

	it('who-can --json: a role is a row with RoleName; a user through a role names it in Via', async () => {
		const rows = JSON.parse((await whoCanCommand(gateway(), TERMINATE, undefined, true)).stdout) as Array<Record<string, unknown>>;
		expect(rows.find(r => r['RoleName'] === 'Admin')).toMatchObject({Decision: 'Allowed', Via: [{RoleName: 'Admin', PolicyName: 'Everything'}]});
		const dev = rows.find(r => r['UserName'] === 'dev')!;
		expect(dev['Via']).toEqual([expect.objectContaining({RoleName: 'Admin', Decision: 'Allowed', Path: [expect.objectContaining({UserName: 'dev', AssumeRoleName: 'Admin', Statements: [expect.objectContaining({GroupName: 'Developers', PolicyName: 'AssumeAdmin'})]})]})]);
		// The table says that each user's best role path is the one shown, and where to see every role.
		const table = (await whoCanCommand(gateway(), TERMINATE, undefined, false)).stdout;
		expect(table).toContain('through roles: the best path of each user (Allowed first, then fewest roles); `iamtui can USER ACTION` lists every role');
	});

	it('can: the direct decision stays, ThroughRoles is added, the exit code follows the widest reach; --direct does not look at roles', async () => {
		const dev = await canCommand(gateway(), 'dev', TERMINATE, undefined, true);
		expect(dev.exitCode).toBe(0);
		expect(JSON.parse(dev.stdout)).toMatchObject({UserName: 'dev', Decision: 'ImplicitDeny', WidestDecision: 'Allowed', ThroughRoles: [{RoleName: 'Admin', Decision: 'Allowed'}]});
		const text = await canCommand(gateway(), 'dev', TERMINATE, undefined, false);
		expect(text.stdout).toContain('through role Admin: Allowed: group Developers → inline policy AssumeAdmin → statement #1 → assume role Admin (trust statement #1: the account) → policy Everything → statement #1');
		const direct = await canCommand(gateway(), 'dev', TERMINATE, undefined, true, true);
		expect(direct.exitCode).toBe(1);
		expect(JSON.parse(direct.stdout)).not.toHaveProperty('ThroughRoles');
		const ops = await canCommand(gateway(), 'ops', TERMINATE, undefined, true);
		expect(ops.exitCode).toBe(2);
		expect((await canCommand(gateway(), 'nobody', TERMINATE, undefined, true)).exitCode).toBe(1);
	});

	it('can accepts a role by name or ARN', async () => {
		const byName = await canCommand(gateway(), 'Deploy', TERMINATE, undefined, true);
		expect(byName.exitCode).toBe(0);
		expect(JSON.parse(byName.stdout)).toMatchObject({RoleName: 'Deploy', Decision: 'Allowed', Statements: [{RoleName: 'Deploy', PolicyName: 'Terminate'}]});
		const byArn = await canCommand(gateway(), `arn:aws:iam::${ACCOUNT}:role/web-ec2`, TERMINATE, undefined, true);
		expect(byArn.exitCode).toBe(1);
	});
});
