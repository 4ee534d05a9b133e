// Identity Center's writes against moto (aws/identity-center-writes.ts): read-only refuses before anything is
// sent, with the IAM gateway's words; DeleteAccountAssignment's deletion status is polled until SUCCEEDED or
// FAILED, for a bounded time. moto answers SUCCEEDED at once, where AWS answers IN_PROGRESS first: a loopback
// proxy rewrites moto's Status in the answers (the deletion itself is moto's, read back after).
import http from 'node:http';
import {CreateGroupMembershipCommand, IdentitystoreClient, ListGroupMembershipsForMemberCommand} from '@aws-sdk/client-identitystore';
import {ListAccountAssignmentsCommand, ListInstancesCommand, ListPermissionSetsCommand, SSOAdminClient} from '@aws-sdk/client-sso-admin';
import {afterAll, beforeAll, beforeEach, expect, it, vi} from 'vitest';
import {createIdentityCenterWrites} from '../../source/aws/identity-center-writes.js';
import {createOrgClients} from '../../source/aws/org-clients.js';
import {readOnlyError} from '../../source/aws/read-only.js';
import {listen} from '../helpers/after-effect-proxy.js';
import {seedOrganization, type SeededOrg} from '../helpers/org-seed.js';
import {describeWithMoto, startMoto, stubMotoCredentials, type Moto} from '../helpers/with-moto.js';

const config = (endpoint: string) => ({region: 'us-east-1', endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});

/** Forwards to moto; the Status of each answer for the operations in `rewrite` is replaced. Counts requests by operation. */
const statusProxy = async (target: string, rewrite: Record<string, {Status: string; FailureReason?: string}>) => {
	const upstream = new URL(target);
	const seen: string[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const operation = String(request.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
			seen.push(operation);
			const forward = http.request({host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers}, answer => {
				const parts: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => parts.push(chunk));
				answer.on('end', () => {
					let body = Buffer.concat(parts).toString('utf8');
					const change = rewrite[operation];
					if (change && (answer.statusCode ?? 500) < 300) {
						const json = JSON.parse(body) as Record<string, Record<string, unknown>>;
						const key = Object.keys(json)[0]!;
						json[key] = {...json[key], ...change};
						body = JSON.stringify(json);
					}
					const headers = {...answer.headers, 'content-length': String(Buffer.byteLength(body))};
					response.writeHead(answer.statusCode ?? 502, headers);
					response.end(body);
				});
			});
			forward.on('error', () => response.destroy());
			forward.end(Buffer.concat(chunks));
		});
	});
	const {endpoint, stop} = await listen(server);
	return {endpoint, stop, seen};
};

describeWithMoto('Identity Center writes (moto)', () => {
	let moto: Moto;
	let seeded: SeededOrg;
	let instance: {InstanceArn: string; IdentityStoreId: string};
	let adminSet: string;

	beforeAll(async () => {
		stubMotoCredentials();
		moto = await startMoto();
		seeded = await seedOrganization(moto.endpoint);
		const sso = new SSOAdminClient(config(moto.endpoint));
		const found = (await sso.send(new ListInstancesCommand({}))).Instances![0]!;
		instance = {InstanceArn: found.InstanceArn!, IdentityStoreId: found.IdentityStoreId!};
		const sets = (await sso.send(new ListPermissionSetsCommand({InstanceArn: instance.InstanceArn}))).PermissionSets ?? [];
		adminSet = sets[0]!;
	}, 120_000);
	beforeEach(() => {
		stubMotoCredentials();
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.stop();
	});

	const aliceMemberships = async () =>
		(await new IdentitystoreClient(config(moto.endpoint)).send(new ListGroupMembershipsForMemberCommand({IdentityStoreId: instance.IdentityStoreId, MemberId: {UserId: seeded.people.alice}}))).GroupMemberships ?? [];
	const aliceDirectIn = async (account: string) =>
		((await new SSOAdminClient(config(moto.endpoint)).send(new ListAccountAssignmentsCommand({InstanceArn: instance.InstanceArn, AccountId: account, PermissionSetArn: adminSet}))).AccountAssignments ?? []).filter(
			a => a.PrincipalType === 'USER' && a.PrincipalId === seeded.people.alice,
		);
	const assignment = (account: string) => ({instanceArn: instance.InstanceArn, accountId: account, permissionSetArn: adminSet, principalType: 'USER' as const, principalId: seeded.people.alice});

	it('read-only refuses both removals before anything is sent, in the IAM gateway\'s words', async () => {
		const proxy = await statusProxy(moto.endpoint, {});
		try {
			const writes = createIdentityCenterWrites(await createOrgClients({endpoint: proxy.endpoint, maxAttempts: 1}), {readOnly: true});
			const membershipId = (await aliceMemberships())[0]!.MembershipId!;
			await expect(writes.deleteGroupMembership({identityStoreId: instance.IdentityStoreId, membershipId})).rejects.toThrow(readOnlyError('deleteGroupMembership').message);
			await expect(writes.deleteAccountAssignment(assignment(seeded.accounts.dev))).rejects.toMatchObject({kind: 'ReadOnly', message: 'read-only mode: deleteAccountAssignment was not sent'});
			expect(proxy.seen).toEqual([]);
			expect(await aliceMemberships()).toHaveLength(1);
			expect(await aliceDirectIn(seeded.accounts.dev)).toHaveLength(1);
		} finally {
			await proxy.stop();
		}
	});

	it('an assignment deletion AWS answers IN_PROGRESS is polled (waits doubling) until it says SUCCEEDED', async () => {
		const proxy = await statusProxy(moto.endpoint, {DeleteAccountAssignment: {Status: 'IN_PROGRESS'}});
		try {
			const waits: number[] = [];
			const writes = createIdentityCenterWrites(await createOrgClients({endpoint: proxy.endpoint, maxAttempts: 1}), {pollMs: 20, sleep: async ms => void waits.push(ms)});
			expect(await writes.deleteAccountAssignment(assignment(seeded.accounts.dev))).toBe('removed');
			expect(proxy.seen).toEqual(['DeleteAccountAssignment', 'DescribeAccountAssignmentDeletionStatus']);
			expect(waits).toEqual([20]);
			expect(await aliceDirectIn(seeded.accounts.dev)).toEqual([]);
			// Gone now: the same removal again is "already removed" (Identity Center answers ResourceNotFound).
			expect(await writes.deleteAccountAssignment(assignment(seeded.accounts.dev))).toBe('already-removed');
		} finally {
			await proxy.stop();
		}
	});

	it('a deletion still IN_PROGRESS past the time allowed fails the step, naming the request; FAILED fails it with AWS\'s reason', async () => {
		const sso = new SSOAdminClient(config(moto.endpoint));
		const {CreateAccountAssignmentCommand} = await import('@aws-sdk/client-sso-admin');
		const assign = () =>
			sso.send(new CreateAccountAssignmentCommand({InstanceArn: instance.InstanceArn, TargetId: seeded.accounts.prod, TargetType: 'AWS_ACCOUNT', PermissionSetArn: adminSet, PrincipalType: 'USER', PrincipalId: seeded.people.alice}));
		await assign();
		const stuck = await statusProxy(moto.endpoint, {DeleteAccountAssignment: {Status: 'IN_PROGRESS'}, DescribeAccountAssignmentDeletionStatus: {Status: 'IN_PROGRESS'}});
		try {
			// A clock only the sleeps advance: the proxy's round trips (slow on a loaded CI machine) do not eat the time allowed.
			const waits: number[] = [];
			let clock = 0;
			const writes = createIdentityCenterWrites(await createOrgClients({endpoint: stuck.endpoint, maxAttempts: 1}), {pollMs: 10, deletionTimeoutMs: 200, now: () => clock, sleep: async ms => {
				waits.push(ms);
				clock += ms;
			}});
			await expect(writes.deleteAccountAssignment(assignment(seeded.accounts.prod))).rejects.toThrow(/still in progress after 200 ms \(request [^)]+\)/);
			expect(waits).toEqual([10, 20, 40, 80]);
			expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(200);
		} finally {
			await stuck.stop();
		}
		await assign();
		const failing = await statusProxy(moto.endpoint, {DeleteAccountAssignment: {Status: 'FAILED', FailureReason: 'the permission set is being provisioned'}});
		try {
			const writes = createIdentityCenterWrites(await createOrgClients({endpoint: failing.endpoint, maxAttempts: 1}));
			await expect(writes.deleteAccountAssignment(assignment(seeded.accounts.prod))).rejects.toThrow(`Identity Center could not delete the assignment in ${seeded.accounts.prod}: the permission set is being provisioned`);
		} finally {
			await failing.stop();
		}
	});

	it('a membership removal is sent once and the membership is gone', async () => {
		const store = new IdentitystoreClient(config(moto.endpoint));
		const {MembershipId} = await store.send(new CreateGroupMembershipCommand({IdentityStoreId: instance.IdentityStoreId, GroupId: seeded.groupId, MemberId: {UserId: seeded.people.bob}}));
		const proxy = await statusProxy(moto.endpoint, {});
		try {
			const writes = createIdentityCenterWrites(await createOrgClients({endpoint: proxy.endpoint, maxAttempts: 1}));
			expect(await writes.deleteGroupMembership({identityStoreId: instance.IdentityStoreId, membershipId: MembershipId!})).toBe('removed');
			expect(proxy.seen).toEqual(['DeleteGroupMembership']);
			const bobs = (await store.send(new ListGroupMembershipsForMemberCommand({IdentityStoreId: instance.IdentityStoreId, MemberId: {UserId: seeded.people.bob}}))).GroupMemberships ?? [];
			expect(bobs).toEqual([]);
		} finally {
			await proxy.stop();
		}
	});
});
