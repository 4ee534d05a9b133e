// W4 through the headless commands, as the built binary against moto (with AWS managed policies): a
// restricted tool account from the inventory-read-only template, and a group given ReadOnlyAccess by
// name; then `can` and `who-can` show exactly the actions each allows. The binary answers the headline
// questions; the longer lists run the same `can` command in-process on one snapshot read through the
// real gateway (moto takes seconds per snapshot with every AWS managed policy loaded).
import {afterAll, beforeAll, expect, it, vi} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {canCommand} from '../../source/commands/access.js';
import type {IamGateway} from '../../source/model/gateway.js';
import {motoEnvironment, runCli} from '../helpers/cli.js';
import {describeWithMoto, startMoto, stubMotoCredentials, type Moto} from '../helpers/with-moto.js';

const TOOL_GROUP = 'CostTools';
const TOOL_USER = 'costbot';
const AUDIT_GROUP = 'Auditors';
const AUDITOR = 'audrey';

interface CanAnswer {
	Decision: string;
	Statements: Array<{GroupName?: string; PolicyName: string; Effect: string}>;
}

describeWithMoto('W4: a read-only tool account through the headless commands', () => {
	let moto: Moto;
	let env: Record<string, string>;
	/** The real gateway, with the account read once. */
	let account: IamGateway;
	const run = (...args: string[]) => runCli([...args, '--endpoint-url', moto.endpoint], env);
	const can = async (user: string, action: string) => {
		const result = await canCommand(account, user, action, undefined, true);
		return {code: result.exitCode, answer: JSON.parse(result.stdout) as CanAnswer};
	};

	beforeAll(async () => {
		moto = await startMoto({loadManagedPolicies: true});
		env = motoEnvironment();
		for (const args of [
			['create-group', TOOL_GROUP],
			['create-group', AUDIT_GROUP],
			['create-user', TOOL_USER, '--group', TOOL_GROUP],
			['create-user', AUDITOR, '--group', AUDIT_GROUP],
			['create-policy', 'CostReadOnlyTool', '--template', 'inventory-read-only', '--group', TOOL_GROUP],
			['attach-policy', '--group', AUDIT_GROUP, 'ReadOnlyAccess'],
		]) {
			const result = await run(...args);
			if (result.code !== 0) throw new Error(`iamtui ${args.join(' ')} failed: ${result.stderr}`);
		}
		stubMotoCredentials();
		const gateway = createGateway({endpoint: moto.endpoint, maxAttempts: 2});
		const snapshot = await gateway.loadSnapshot();
		account = Object.assign(Object.create(gateway) as IamGateway, {loadSnapshot: async () => snapshot});
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.stop();
	});

	it('the binary: `can` allows ec2:DescribeInstances and iam:ListUsers, denies ec2:RunInstances and iam:CreateUser', async () => {
		const expected = {'ec2:DescribeInstances': 0, 'iam:ListUsers': 0, 'ec2:RunInstances': 1, 'iam:CreateUser': 1};
		for (const [action, code] of Object.entries(expected)) {
			const result = await run('can', TOOL_USER, action);
			expect(result.code, `${action}: ${result.stderr}`).toBe(code);
			expect(result.stdout.split('\n')[0]).toBe(`${TOOL_USER} ${action} on *: ${code === 0 ? 'Allowed' : 'ImplicitDeny'}`);
		}
	}, 180_000);

	it('the cost tool may describe EC2 and read IAM, and nothing that changes anything', async () => {
		for (const action of ['ec2:DescribeInstances', 'iam:ListUsers', 'iam:GenerateCredentialReport', 'organizations:ListAccounts']) {
			const {code, answer} = await can(TOOL_USER, action);
			expect(answer.Decision, action).toBe('Allowed');
			expect(code, action).toBe(0);
			expect(answer.Statements, action).toContainEqual(expect.objectContaining({GroupName: TOOL_GROUP, PolicyName: 'CostReadOnlyTool', Effect: 'Allow'}));
		}
		for (const action of ['ec2:RunInstances', 'iam:CreateUser', 's3:GetObject']) {
			const {code, answer} = await can(TOOL_USER, action);
			expect(answer.Decision, action).toBe('ImplicitDeny');
			expect(code, action).toBe(1);
		}
	});

	it('ReadOnlyAccess, attached by name, reads everywhere but writes nowhere', async () => {
		const read = await can(AUDITOR, 's3:GetObject');
		expect(read.answer.Decision).toBe('Allowed');
		expect(read.answer.Statements).toContainEqual(expect.objectContaining({GroupName: AUDIT_GROUP, PolicyName: 'ReadOnlyAccess'}));
		expect((await can(AUDITOR, 'ec2:RunInstances')).answer.Decision).toBe('ImplicitDeny');
		expect((await can(AUDITOR, 'iam:CreateUser')).answer.Decision).toBe('ImplicitDeny');
	});

	it('the binary: who-can names the tool account for what it may do and not for what it may not', async () => {
		const principals = async (action: string) => {
			const result = await run('who-can', action, '--json');
			expect(result.code, result.stderr).toBe(0);
			return (JSON.parse(result.stdout) as Array<{UserName?: string; GroupName?: string}>).map(p => p.UserName ?? `group:${p.GroupName}`);
		};
		const describers = await principals('ec2:DescribeInstances');
		expect(describers).toEqual(expect.arrayContaining([TOOL_USER, AUDITOR, `group:${TOOL_GROUP}`, `group:${AUDIT_GROUP}`]));
		const launchers = await principals('ec2:RunInstances');
		expect(launchers).not.toContain(TOOL_USER);
		expect(launchers).not.toContain(AUDITOR);
		expect(await principals('iam:CreateUser')).toEqual([]);
	}, 180_000);
});
