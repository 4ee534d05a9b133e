import {describe, expect, it} from 'vitest';
import type {AuthorizationDetailsPage} from '../../source/aws/snapshot-build.js';
import {buildSnapshot, decodePolicyDocument, policyNameFromArn} from '../../source/aws/snapshot-build.js';
import type {CredentialReport} from '../../source/model/snapshot.js';

const ACCOUNT = '111122223333';
const allowAll = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]};
const encoded = (doc: unknown) => encodeURIComponent(JSON.stringify(doc));
const report: CredentialReport = {status: 'unavailable', reason: 'test'};
const date = new Date('2024-01-02T03:04:05Z');

const user = (name: string, extra: Record<string, unknown> = {}) => ({
	UserName: name,
	UserId: `AID${name.toUpperCase()}`,
	Arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
	Path: '/',
	CreateDate: date,
	GroupList: [],
	...extra,
});
const group = (name: string, extra: Record<string, unknown> = {}) => ({
	GroupName: name,
	GroupId: `AGP${name.toUpperCase()}`,
	Arn: `arn:aws:iam::${ACCOUNT}:group/${name}`,
	Path: '/',
	CreateDate: date,
	...extra,
});
const policy = (arn: string, attachments: number, extra: Record<string, unknown> = {}) => ({
	PolicyName: policyNameFromArn(arn),
	PolicyId: 'ANPA',
	Arn: arn,
	Path: '/',
	DefaultVersionId: 'v2',
	AttachmentCount: attachments,
	CreateDate: date,
	UpdateDate: date,
	PolicyVersionList: [
		{VersionId: 'v1', IsDefaultVersion: false, Document: encoded({Version: '2012-10-17', Statement: []})},
		{VersionId: 'v2', IsDefaultVersion: true, Document: encoded(allowAll)},
	],
	...extra,
});

describe('decodePolicyDocument', () => {
	it('decodes URL-encoded JSON and pretty-prints it with 2 spaces', () => {
		expect(decodePolicyDocument(encoded(allowAll))).toBe(JSON.stringify(allowAll, null, 2));
	});

	it('accepts raw JSON (moto) without decoding a % inside it', () => {
		const doc = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a/100%25/x'}]};
		expect(decodePolicyDocument(JSON.stringify(doc))).toBe(JSON.stringify(doc, null, 2));
	});

	it('keeps text that is not JSON, and empty stays empty', () => {
		expect(decodePolicyDocument('not%20json')).toBe('not json');
		expect(decodePolicyDocument('%E0%A4%A')).toBe('%E0%A4%A');
		expect(decodePolicyDocument(undefined)).toBe('');
	});
});

describe('buildSnapshot', () => {
	it('merges a multi-page sequence into one snapshot with memberships, inline and attached policies', () => {
		const pages: AuthorizationDetailsPage[] = [
			{
				UserDetailList: [
					user('ana', {
						GroupList: ['Developers'],
						AttachedManagedPolicies: [{PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}],
						UserPolicyList: [{PolicyName: 'own', PolicyDocument: encoded(allowAll)}],
						Tags: [{Key: 'team', Value: 'web'}],
						PermissionsBoundary: {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/Boundary`},
					}),
				],
				GroupDetailList: [group('Developers', {AttachedManagedPolicies: [{PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/team/EC2Dev`}]})],
			},
			{
				UserDetailList: [user('bruno', {GroupList: ['Developers', 'Ops']})],
				GroupDetailList: [group('Ops', {GroupPolicyList: [{PolicyName: 'inline-ops', PolicyDocument: JSON.stringify(allowAll)}]})],
				Policies: [policy(`arn:aws:iam::${ACCOUNT}:policy/team/EC2Dev`, 1, {Path: '/team/'})],
			},
			{Policies: [policy('arn:aws:iam::aws:policy/ReadOnlyAccess', 1)]},
		];
		const snapshot = buildSnapshot(pages, report, '2024-05-01T00:00:00.000Z');

		expect(snapshot.loadedAt).toBe('2024-05-01T00:00:00.000Z');
		expect(snapshot.users.map(u => u.name)).toEqual(['ana', 'bruno']);
		expect(snapshot.groups.map(g => g.name)).toEqual(['Developers', 'Ops']);
		expect(snapshot.credentialReport).toEqual(report);

		const ana = snapshot.users[0]!;
		expect(ana).toMatchObject({
			id: 'AIDANA',
			arn: `arn:aws:iam::${ACCOUNT}:user/ana`,
			createDate: '2024-01-02T03:04:05.000Z',
			groups: ['Developers'],
			attachedPolicies: [{name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}],
			tags: [{Key: 'team', Value: 'web'}],
			permissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/Boundary`,
		});
		expect(ana.inlinePolicies).toEqual([{name: 'own', document: JSON.stringify(allowAll, null, 2)}]);
		expect(snapshot.users[1]!.groups).toEqual(['Developers', 'Ops']);

		// An attached ref without PolicyName gets it from the ARN (path dropped).
		expect(snapshot.groups[0]!.attachedPolicies).toEqual([{name: 'EC2Dev', arn: `arn:aws:iam::${ACCOUNT}:policy/team/EC2Dev`}]);
		expect(snapshot.groups[1]!.inlinePolicies[0]!.document).toBe(JSON.stringify(allowAll, null, 2));

		const dev = snapshot.policies.find(p => p.name === 'EC2Dev')!;
		expect(dev).toMatchObject({awsManaged: false, path: '/team/', defaultVersionId: 'v2', attachmentCount: 1});
		// The default version's document, not the first one.
		expect(dev.document).toBe(JSON.stringify(allowAll, null, 2));
		expect(snapshot.policies.find(p => p.name === 'ReadOnlyAccess')!.awsManaged).toBe(true);
	});

	it('derives a missing PolicyName from the ARN and finds the default version by DefaultVersionId', () => {
		const detail = policy(`arn:aws:iam::${ACCOUNT}:policy/path/NoName`, 0, {PolicyName: undefined});
		detail.PolicyVersionList = detail.PolicyVersionList.map(v => ({...v, IsDefaultVersion: undefined as unknown as boolean}));
		const [only] = buildSnapshot([{Policies: [detail]}], report).policies;
		expect(only!.name).toBe('NoName');
		expect(only!.document).toBe(JSON.stringify(allowAll, null, 2));
	});

	it('keeps AWS managed policies only when attached or referenced, and every customer managed one', () => {
		const pages: AuthorizationDetailsPage[] = [
			{
				UserDetailList: [user('ana', {AttachedManagedPolicies: [{PolicyName: 'Referenced', PolicyArn: 'arn:aws:iam::aws:policy/Referenced'}]})],
				Policies: [
					policy('arn:aws:iam::aws:policy/Unused', 0),
					policy('arn:aws:iam::aws:policy/Attached', 3),
					// moto may report 0 attachments for a policy that a user does reference.
					policy('arn:aws:iam::aws:policy/Referenced', 0),
					policy('arn:aws:iam::aws:policy/service-role/RoleOnly', 0),
					policy(`arn:aws:iam::${ACCOUNT}:policy/CustomerUnattached`, 0),
				],
				RoleDetailList: [{RoleName: 'r', AttachedManagedPolicies: [{PolicyArn: 'arn:aws:iam::aws:policy/service-role/RoleOnly'}]}],
			},
		];
		const names = buildSnapshot(pages, report).policies.map(p => p.name);
		expect(names.sort()).toEqual(['Attached', 'CustomerUnattached', 'Referenced', 'RoleOnly']);
	});

	it('gives the same policy list whether AWS managed policies come all (moto) or only the attached ones (AWS)', () => {
		const attached = policy('arn:aws:iam::aws:policy/ReadOnlyAccess', 1);
		const unattached = Array.from({length: 50}, (_, i) => policy(`arn:aws:iam::aws:policy/Policy${i}`, 0));
		const aws = buildSnapshot([{Policies: [attached]}], report).policies;
		const moto = buildSnapshot([{Policies: [...unattached, attached]}], report).policies;
		expect(moto).toEqual(aws);
	});

	it('does not duplicate an entity a service repeats across pages', () => {
		const snapshot = buildSnapshot([{UserDetailList: [user('ana')]}, {UserDetailList: [user('ana')]}], report);
		expect(snapshot.users).toHaveLength(1);
	});

	it('builds an empty account', () => {
		const snapshot = buildSnapshot([{}], report);
		expect(snapshot).toMatchObject({users: [], groups: [], policies: []});
	});
});

describe('documents from an aws CLI export', () => {
	it('accepts a policy document that is already parsed JSON', () => {
		const document = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'lightsail:*', Resource: '*'}]};
		expect(JSON.parse(decodePolicyDocument(document))).toEqual(document);
	});
});

describe('roles from RoleDetailList', () => {
	const trust = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${ACCOUNT}:root`}, Action: 'sts:AssumeRole'}]};
	const role = (name: string, extra: Record<string, unknown> = {}) => ({
		Path: '/',
		RoleName: name,
		RoleId: `AROA${name.toUpperCase()}`,
		Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
		CreateDate: date,
		AssumeRolePolicyDocument: encoded(trust),
		InstanceProfileList: [],
		RolePolicyList: [],
		AttachedManagedPolicies: [],
		Tags: [],
		RoleLastUsed: {},
		...extra,
	});

	it('reads trust, inline and attached policies, boundary, tags, instance profiles and last used, across pages', () => {
		const pages: AuthorizationDetailsPage[] = [
			{
				RoleDetailList: [
					role('Web', {
						Path: '/app/',
						// moto sends the trust document raw; AWS URL-encodes it.
						AssumeRolePolicyDocument: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}]}),
						InstanceProfileList: [{InstanceProfileName: 'web-profile', InstanceProfileId: 'AIP1', Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web-profile`, Path: '/', CreateDate: date, Roles: []}],
						RolePolicyList: [{PolicyName: 'logs', PolicyDocument: encoded(allowAll)}],
						AttachedManagedPolicies: [{PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}],
						Tags: [{Key: 'team', Value: 'web'}],
						PermissionsBoundary: {PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/Boundary`},
						RoleLastUsed: {LastUsedDate: new Date('2026-11-30T10:00:00Z'), Region: 'eu-west-1'},
					}),
				],
			},
			{RoleDetailList: [role('Admin')], Policies: [policy('arn:aws:iam::aws:policy/ReadOnlyAccess', 0)]},
		];
		const snapshot = buildSnapshot(pages, report);
		expect(snapshot.roles.map(r => r.name)).toEqual(['Admin', 'Web']);
		const [admin, web] = snapshot.roles;
		expect(JSON.parse(admin!.trustPolicy)).toEqual(trust);
		expect(admin!.lastUsed).toBeUndefined();
		expect(web).toMatchObject({
			id: 'AROAWEB',
			path: '/app/',
			createDate: '2024-01-02T03:04:05.000Z',
			attachedPolicies: [{name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}],
			inlinePolicies: [{name: 'logs', document: JSON.stringify(allowAll, null, 2)}],
			tags: [{Key: 'team', Value: 'web'}],
			permissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/Boundary`,
			instanceProfiles: [{name: 'web-profile', arn: `arn:aws:iam::${ACCOUNT}:instance-profile/web-profile`}],
			lastUsed: {date: '2026-11-30T10:00:00.000Z', region: 'eu-west-1'},
		});
		expect(JSON.parse(web!.trustPolicy).Statement[0].Principal).toEqual({Service: 'ec2.amazonaws.com'});
		// The AWS managed policy only a role uses is kept, even when moto says 0 attachments.
		expect(snapshot.policies.map(p => p.name)).toEqual(['ReadOnlyAccess']);
	});

	it('keeps a malformed or missing trust document as text instead of dropping the role', () => {
		const snapshot = buildSnapshot([{RoleDetailList: [role('Broken', {AssumeRolePolicyDocument: '%7Bnot json'}), role('Bare', {AssumeRolePolicyDocument: undefined, Tags: undefined, InstanceProfileList: undefined})]}], report);
		expect(snapshot.roles.map(r => [r.name, r.trustPolicy])).toEqual([['Bare', ''], ['Broken', '{not json']]);
		expect(snapshot.roles[0]).toMatchObject({tags: [], instanceProfiles: [], attachedPolicies: []});
	});

	it('does not duplicate a role a service repeats across pages', () => {
		expect(buildSnapshot([{RoleDetailList: [role('A')]}, {RoleDetailList: [role('A')]}], report).roles).toHaveLength(1);
	});
});
