// Roles through the real gateway: created with the SDK against moto, then read back in the snapshot
// (GAAD's RoleDetailList): trust policy, attached and inline policies, instance profiles, tags.
import {
	AddRoleToInstanceProfileCommand,
	AttachRolePolicyCommand,
	CreateInstanceProfileCommand,
	CreateRoleCommand,
	IAMClient,
	PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openFileGateway} from '../../source/aws/file-gateway.js';
import {createGateway} from '../../source/aws/gateway.js';
import {buildIndex} from '../../source/model/indexes.js';
import type {AccountSnapshot, SnapshotProgress} from '../../source/model/snapshot.js';
import {parseTrustPolicy, trustedShort} from '../../source/model/trust-principals.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const ACCOUNT = '123456789012';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const trust = (Principal: unknown, Condition?: unknown) =>
	JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal, Action: 'sts:AssumeRole', ...(Condition ? {Condition} : {})}]});
const inline = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::logs/100%/*'}]};

describeWithMoto('roles in the snapshot (moto)', () => {
	let moto: Moto;
	let snapshot: AccountSnapshot;
	const progress: SnapshotProgress[] = [];
	const saved = {...process.env};

	beforeAll(async () => {
		process.env.AWS_ACCESS_KEY_ID = 'testing';
		process.env.AWS_SECRET_ACCESS_KEY = 'testing';
		delete process.env.AWS_PROFILE;
		moto = await startMoto({loadManagedPolicies: true});
		const iam = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}});
		await iam.send(new CreateRoleCommand({
			RoleName: 'Deploy', Path: '/ops/',
			AssumeRolePolicyDocument: trust({AWS: `arn:aws:iam::${ACCOUNT}:user/ana`}, {Bool: {'aws:MultiFactorAuthPresent': 'true'}}),
			Tags: [{Key: 'team', Value: 'platform'}],
		}));
		await iam.send(new CreateRoleCommand({RoleName: 'web-ec2', AssumeRolePolicyDocument: trust({Service: 'ec2.amazonaws.com'})}));
		await iam.send(new AttachRolePolicyCommand({RoleName: 'Deploy', PolicyArn: READ_ONLY}));
		await iam.send(new PutRolePolicyCommand({RoleName: 'Deploy', PolicyName: 'logs', PolicyDocument: JSON.stringify(inline)}));
		await iam.send(new CreateInstanceProfileCommand({InstanceProfileName: 'web-profile'}));
		await iam.send(new AddRoleToInstanceProfileCommand({InstanceProfileName: 'web-profile', RoleName: 'web-ec2'}));
		snapshot = await createGateway({endpoint: moto.endpoint, maxAttempts: 3}).loadSnapshot({onProgress: p => progress.push(p)});
	});

	afterAll(async () => {
		process.env = saved;
		await moto?.stop();
	});

	it('reads each role with its trust policy, attached and inline policies, tags and instance profiles', () => {
		expect(snapshot.roles.map(r => r.name)).toEqual(['Deploy', 'web-ec2']);
		const deploy = buildIndex(snapshot).roleByName.get('Deploy')!;
		expect(deploy).toMatchObject({
			path: '/ops/',
			arn: `arn:aws:iam::${ACCOUNT}:role/ops/Deploy`,
			attachedPolicies: [{name: 'ReadOnlyAccess', arn: READ_ONLY}],
			tags: [{Key: 'team', Value: 'platform'}],
			instanceProfiles: [],
		});
		expect(deploy.id).toMatch(/^AROA/);
		// The inline document decodes to what was put (a literal % survives).
		expect(JSON.parse(deploy.inlinePolicies[0]!.document)).toEqual(inline);
		const parsed = parseTrustPolicy(deploy.trustPolicy);
		expect(parsed.problems).toEqual([]);
		expect(parsed.statements[0]!.conditions).toEqual([{operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true']}]);
		expect(trustedShort(parsed, ACCOUNT)).toEqual(['user ana']);

		const web = snapshot.roles[1]!;
		expect(web.instanceProfiles).toEqual([{name: 'web-profile', arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web-profile`}]);
		expect(trustedShort(parseTrustPolicy(web.trustPolicy), ACCOUNT)).toEqual(['ec2.amazonaws.com']);
	});

	it('keeps the AWS managed policy only a role uses among the policies, and counts roles in progress', () => {
		expect(snapshot.policies.map(p => p.arn)).toContain(READ_ONLY);
		expect(progress.at(-1)).toMatchObject({phase: 'done', roles: 2});
	});
});

describe('roles from an aws CLI export (--from-file)', () => {
	const exportFile = (content: unknown) => {
		const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-roles-')), 'export.json');
		writeFileSync(file, JSON.stringify(content));
		return file;
	};

	it('reads a RoleDetailList-only export (trust parsed by the CLI, dates as text)', async () => {
		const file = exportFile({
			RoleDetailList: [{
				Path: '/', RoleName: 'Audit', RoleId: 'AROAAUDIT', Arn: `arn:aws:iam::${ACCOUNT}:role/Audit`, CreateDate: '2026-01-01T00:00:00+00:00',
				AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: 'arn:aws:iam::111122223333:root'}, Action: 'sts:AssumeRole', Condition: {StringEquals: {'sts:ExternalId': 'x-1'}}}]},
				InstanceProfileList: [], RolePolicyList: [{PolicyName: 'p', PolicyDocument: inline}],
				AttachedManagedPolicies: [{PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY}],
				Tags: [], RoleLastUsed: {LastUsedDate: '2026-11-01T08:00:00+00:00', Region: 'us-east-2'},
			}],
		});
		const gateway = openFileGateway([file]);
		const snapshot = await gateway.loadSnapshot();
		const [audit] = snapshot.roles;
		expect(audit).toMatchObject({name: 'Audit', lastUsed: {date: '2026-11-01T08:00:00.000Z', region: 'us-east-2'}});
		expect(trustedShort(parseTrustPolicy(audit!.trustPolicy), ACCOUNT)).toEqual(['other account 111122223333']);
		expect(JSON.parse(audit!.inlinePolicies[0]!.document)).toEqual(inline);
		expect((await gateway.callerIdentity()).account).toBe(ACCOUNT);
	});

	it('names the field when a role in the export has the wrong shape', async () => {
		const file = exportFile({RoleDetailList: [{RoleName: 'x', InstanceProfileList: 'web'}]});
		await expect(openFileGateway([file]).loadSnapshot()).rejects.toThrow(/RoleDetailList\[0\]\.InstanceProfileList must be a list/);
	});
});
