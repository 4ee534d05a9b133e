// The organization reader against moto, and scpVerdict on what it read.
import {
	AttachPolicyCommand,
	CreateAccountCommand,
	CreateOrganizationCommand,
	CreateOrganizationalUnitCommand,
	CreatePolicyCommand,
	ListRootsCommand,
	MoveAccountCommand,
	OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {readOrganization} from '../../source/aws/organizations-reader.js';
import {scpVerdict} from '../../source/model/org/scp-verdict.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

describeWithMoto('organizations reader + scpVerdict (moto)', () => {
	let moto: Moto | undefined;
	let client: OrganizationsClient;
	beforeAll(async () => {
		moto = await startMoto();
		client = new OrganizationsClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
	}, 60_000);
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
});
