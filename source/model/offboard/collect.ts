// Builds the offboarding record: the snapshot gives groups, policies, tags and boundary; per-user
// reads give the credentials. A kind of credential the account cannot list (an emulator without SSH
// keys) is noted as unlisted rather than assumed absent; AccessDenied and the like stop it.
import {IamError, isIamError} from '../errors.js';
import type {IamReads} from '../gateway.js';
import type {SnapshotIndex} from '../indexes.js';
import {RECORD_VERSION, type OffboardRecord} from './record.js';
import {roleInventory} from './roles.js';

const UNSUPPORTED = new Set(['Unknown', 'Invalid']);

/** Lists one kind of credential; an operation the service does not implement yields undefined. */
const listed = async <T>(list: () => Promise<T[]>): Promise<T[] | undefined> => {
	try {
		return await list();
	} catch (error) {
		if (isIamError(error) && UNSUPPORTED.has(error.kind)) return undefined;
		throw error;
	}
};

export interface CollectContext {
	gateway: IamReads;
	index: SnapshotIndex;
	account: string;
	callerArn: string | null;
	now: Date;
	keepUser: boolean;
}

export const collectRecord = async (userName: string, context: CollectContext): Promise<OffboardRecord> => {
	const {gateway, index} = context;
	const user = index.userByName.get(userName);
	if (!user) throw new IamError('NotFound', `no user named ${userName} in this account`, 'check the name; if it was just created elsewhere, load the account again (r in the TUI)', 'NoSuchEntity');
	const [loginProfile, keys, mfa, certificates, ssh, service, roles] = await Promise.all([
		gateway.loginProfile(userName),
		gateway.accessKeys(userName),
		gateway.mfaDevices(userName),
		listed(() => gateway.signingCertificates(userName)),
		listed(() => gateway.sshPublicKeys(userName)),
		listed(() => gateway.serviceSpecificCredentials(userName)),
		roleInventory(index, user),
	]);
	const unlisted = [
		...(certificates ? [] : ['signing certificates']),
		...(ssh ? [] : ['SSH public keys']),
		...(service ? [] : ['service-specific credentials']),
		...roles.unlisted,
	];
	return {
		version: RECORD_VERSION,
		kind: 'iamtui-offboard-record',
		account: context.account,
		capturedAt: context.now.toISOString(),
		capturedBy: context.callerArn,
		user: {name: user.name, arn: user.arn, path: user.path, createDate: user.createDate},
		groups: [...user.groups],
		attachedPolicies: user.attachedPolicies.map(p => ({name: p.name, arn: p.arn})),
		inlinePolicies: user.inlinePolicies.map(p => ({name: p.name, document: p.document})),
		tags: user.tags.map(t => ({Key: t.Key, Value: t.Value})),
		permissionsBoundaryArn: user.permissionsBoundaryArn ?? null,
		loginProfile: loginProfile ? {createDate: loginProfile.createDate, passwordResetRequired: loginProfile.passwordResetRequired} : null,
		accessKeys: keys.map(k => ({accessKeyId: k.accessKeyId, status: k.status, createDate: k.createDate, lastUsedDate: k.lastUsedDate})),
		mfaDevices: mfa.map(d => ({serialNumber: d.serialNumber, enableDate: d.enableDate})),
		signingCertificates: (certificates ?? []).map(c => ({certificateId: c.certificateId, status: c.status, uploadDate: c.uploadDate})),
		sshPublicKeys: (ssh ?? []).map(k => ({sshPublicKeyId: k.sshPublicKeyId, status: k.status, uploadDate: k.uploadDate})),
		serviceSpecificCredentials: (service ?? []).map(c => ({
			serviceSpecificCredentialId: c.serviceSpecificCredentialId,
			serviceName: c.serviceName,
			status: c.status,
			createDate: c.createDate,
		})),
		assumableRoles: roles.assumableRoles,
		trustPolicies: roles.trustPolicies,
		unlisted,
		completed: [],
		keepUser: context.keepUser,
		finishedAt: null,
	};
};
