// The organization reader against moto, and scpVerdict on what it read.
import {
	AttachPolicyCommand,
	CreateAccountCommand,
	CreateOrganizationCommand,
	CreateOrganizationalUnitCommand,
	CreatePolicyCommand,
	ListPoliciesForTargetCommand,
	ListRootsCommand,
	MoveAccountCommand,
	OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, beforeEach, expect, it} from 'vitest';
import {ORGANIZATION_READ_ACTIONS, readTree} from '../../source/aws/org-loader.js';
import {readOrganization} from '../../source/aws/organizations-reader.js';
import {IamError} from '../../source/model/errors.js';
import type {OrgRoot, OrgTarget, OrgUnit} from '../../source/model/org/organization.js';
import {scpVerdict} from '../../source/model/org/scp-verdict.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const KEYS = {accessKeyId: 'testing', secretAccessKey: 'testing'};

/** Every target of the tree read: the root, each OU at any depth, each account. */
const targetsOf = (node: OrgRoot | OrgUnit): OrgTarget[] => [node, ...node.ous.flatMap(targetsOf), ...node.accounts];

/** How many of each command the client sends, from the SDK's own middleware stack. */
const counting = (client: OrganizationsClient): Map<string, number> => {
	const sent = new Map<string, number>();
	client.middlewareStack.add(
		(next, context) => async arguments_ => {
			sent.set(context.commandName ?? '?', (sent.get(context.commandName ?? '?') ?? 0) + 1);
			return next(arguments_);
		},
		{step: 'initialize'},
	);
	return sent;
};

describeWithMoto('organizations reader + scpVerdict (moto)', () => {
	let moto: Moto | undefined;
	let client: OrganizationsClient;
	beforeAll(async () => {
		moto = await startMoto();
		client = new OrganizationsClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: KEYS});
	}, 60_000);
	beforeEach(async () => {
		await moto!.reset();
	});
	afterAll(async () => {
		await moto?.stop();
	});

	it('a member account is denied by its OU\'s SCP, named; the management account is exempt', async () => {
		const org = await client.send(new CreateOrganizationCommand({FeatureSet: 'ALL'}));
		const rootId = (await client.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
		const ou = await client.send(new CreateOrganizationalUnitCommand({ParentId: rootId, Name: 'prod'}));
		const created = await client.send(new CreateAccountCommand({AccountName: 'workload', Email: 'workload@example.com'}));
		const memberId = created.CreateAccountStatus?.AccountId ?? '';
		await client.send(new MoveAccountCommand({AccountId: memberId, SourceParentId: rootId, DestinationParentId: ou.OrganizationalUnit?.Id}));
		const deny = await client.send(new CreatePolicyCommand({
			Type: 'SERVICE_CONTROL_POLICY', Name: 'DenyS3Delete', Description: 'no bucket deletes',
			Content: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*'}]}),
		}));
		await client.send(new AttachPolicyCommand({PolicyId: deny.Policy?.PolicySummary?.Id, TargetId: ou.OrganizationalUnit?.Id}));

		const read = await readOrganization(client);
		expect(read.managementAccountId).toBe(org.Organization?.MasterAccountId);
		const prod = read.root.ous.find(o => o.name === 'prod');
		expect(prod?.accounts.map(a => a.id)).toEqual([memberId]);
		expect(prod?.scps.map(s => s.name).sort()).toEqual(['DenyS3Delete', 'FullAWSAccess']);
		expect(read.root.scps.map(s => s.name)).toEqual(['FullAWSAccess']);

		const verdict = await scpVerdict(read, memberId, 's3:DeleteBucket', 'arn:aws:s3:::data');
		expect(verdict).toMatchObject({kind: 'denied', how: 'explicit-deny', decider: {scp: {name: 'DenyS3Delete'}, target: {kind: 'ou', name: 'prod'}}});
		expect(await scpVerdict(read, memberId, 's3:GetObject', 'arn:aws:s3:::data/k')).toEqual({kind: 'permitted'});
		expect((await scpVerdict(read, read.managementAccountId, 's3:DeleteBucket', 'arn:aws:s3:::data')).kind).toBe('exempt');
	}, 60_000);

	/** Root, prod (with inner under it), dev; six accounts spread over them; SCPs and an RCP hung on several levels, one SCP on nothing. */
	const seedTree = async () => {
		await client.send(new CreateOrganizationCommand({FeatureSet: 'ALL'}));
		const rootId = (await client.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
		const ou = async (ParentId: string, Name: string) => (await client.send(new CreateOrganizationalUnitCommand({ParentId, Name}))).OrganizationalUnit?.Id ?? '';
		const prod = await ou(rootId, 'prod');
		const inner = await ou(prod, 'inner');
		const dev = await ou(rootId, 'dev');
		const accounts: string[] = [];
		for (const [n, parent] of [rootId, prod, prod, inner, dev, dev].entries()) {
			const id = (await client.send(new CreateAccountCommand({AccountName: `member-${n}`, Email: `member-${n}@example.com`}))).CreateAccountStatus?.AccountId ?? '';
			if (parent !== rootId) await client.send(new MoveAccountCommand({AccountId: id, SourceParentId: rootId, DestinationParentId: parent}));
			accounts.push(id);
		}
		const policy = async (Type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY', Name: string, Action: string, targets: string[]) => {
			const Content = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', ...(Type === 'RESOURCE_CONTROL_POLICY' ? {Principal: '*'} : {}), Action, Resource: '*'}]});
			const id = (await client.send(new CreatePolicyCommand({Type, Name, Description: Name, Content}))).Policy?.PolicySummary?.Id ?? '';
			for (const TargetId of targets) await client.send(new AttachPolicyCommand({PolicyId: id, TargetId}));
		};
		await policy('SERVICE_CONTROL_POLICY', 'DenyS3Delete', 's3:DeleteBucket', [prod, accounts[4]!]);
		await policy('SERVICE_CONTROL_POLICY', 'DenyLeave', 'organizations:LeaveOrganization', [rootId]);
		await policy('SERVICE_CONTROL_POLICY', 'DenyKms', 'kms:ScheduleKeyDeletion', [inner, accounts[3]!, dev]);
		await policy('SERVICE_CONTROL_POLICY', 'Unused', 'ec2:*', []);
		await policy('RESOURCE_CONTROL_POLICY', 'NoDeletes', 's3:DeleteObject', [dev, accounts[1]!]);
		return {accounts};
	};

	it('SCPs and RCPs are read per policy (every page), not per target: the same policies on every target as ListPoliciesForTarget names', async () => {
		await seedTree();
		const sent = counting(client);
		// Pages of two: FullAWSAccess and four SCPs take three ListPolicies pages.
		const read = await readOrganization(client, {policyPageSize: 2});
		const calls = Object.fromEntries(sent);
		sent.clear();

		const targets = targetsOf(read.root);
		// Root, 3 OUs, the management account and 6 members.
		expect(targets).toHaveLength(11);
		for (const target of targets) {
			for (const [Filter, got] of [['SERVICE_CONTROL_POLICY', target.scps], ['RESOURCE_CONTROL_POLICY', target.rcps ?? []]] as const) {
				const listed = (await client.send(new ListPoliciesForTargetCommand({TargetId: target.id, Filter}))).Policies ?? [];
				expect(got.map(p => p.name).sort(), `${Filter} on ${target.kind} ${target.name}`).toEqual(listed.map(p => p.Name).sort());
			}
		}
		const prod = read.root.ous.find(o => o.name === 'prod')!;
		expect(prod.ous[0]!.scps.map(s => s.name).sort()).toEqual(['DenyKms', 'FullAWSAccess']);
		expect(prod.scps.find(s => s.name === 'DenyS3Delete')?.document).toEqual({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*'}]});
		expect(targets.flatMap(t => t.scps).some(s => s.name === 'Unused')).toBe(false);

		// Six SCPs and RCPs besides the two AWS-managed ones: a document and a target list each, whatever the number of targets.
		expect(calls).toMatchObject({ListPoliciesCommand: 3 + 1, DescribePolicyCommand: 7, ListTargetsForPolicyCommand: 7});
		expect(calls['ListPoliciesForTargetCommand']).toBeUndefined();
	}, 60_000);

	it('access denied on a policy read is the organization\'s named failure, with every permission the read needs', async () => {
		await seedTree();
		const iam = new IAMClient({region: 'us-east-1', endpoint: moto!.endpoint, credentials: KEYS});
		await iam.send(new CreateUserCommand({UserName: 'partial'}));
		const allowed = ORGANIZATION_READ_ACTIONS.filter(a => a !== 'organizations:ListTargetsForPolicy');
		await iam.send(new PutUserPolicyCommand({UserName: 'partial', PolicyName: 'org', PolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: allowed, Resource: '*'}]})}));
		const key = (await iam.send(new CreateAccessKeyCommand({UserName: 'partial'}))).AccessKey!;
		await moto!.setAuthorization(true);
		try {
			const partial = new OrganizationsClient({region: 'us-east-1', endpoint: moto!.endpoint, credentials: {accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey!}});
			const error = await readTree({organizations: partial}).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(IamError);
			expect((error as IamError).kind).toBe('AccessDenied');
			expect((error as IamError).message).toBe('access denied reading the organization: access denied: your credentials lack organizations:ListTargetsForPolicy');
			for (const action of ORGANIZATION_READ_ACTIONS) expect((error as IamError).hint).toContain(action);
		} finally {
			await moto!.setAuthorization(false);
		}
	}, 60_000);
});
