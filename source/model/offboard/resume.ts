// Resuming an unfinished offboarding: the record says what the user had and which steps were done,
// but the account may have moved on since (a key created, a group joined). So a resume re-reads the
// user, adds what is new to the record (its history stays: original entries first, unchanged), and
// plans from what exists now. A resume under different options is refused, never silently taken.
import type {OffboardRecord} from './record.js';

type Listed = Pick<OffboardRecord, 'groups' | 'attachedPolicies' | 'inlinePolicies' | 'tags' | 'accessKeys' | 'mfaDevices' | 'signingCertificates' | 'sshPublicKeys' | 'serviceSpecificCredentials'>;

/** How each list names its entries: the identity that says "the same one", and how to say it. */
const LISTS: {[K in keyof Listed]: {id: (item: Listed[K][number]) => string; label: (item: Listed[K][number]) => string}} = {
	groups: {id: g => g, label: g => `group ${g}`},
	attachedPolicies: {id: p => p.arn, label: p => `managed policy ${p.name}`},
	inlinePolicies: {id: p => p.name, label: p => `inline policy ${p.name}`},
	tags: {id: t => t.Key, label: t => `tag ${t.Key}`},
	accessKeys: {id: k => k.accessKeyId, label: k => `access key ${k.accessKeyId}`},
	mfaDevices: {id: d => d.serialNumber, label: d => `MFA device ${d.serialNumber}`},
	signingCertificates: {id: c => c.certificateId, label: c => `signing certificate ${c.certificateId}`},
	sshPublicKeys: {id: k => k.sshPublicKeyId, label: k => `SSH public key ${k.sshPublicKeyId}`},
	serviceSpecificCredentials: {id: c => c.serviceSpecificCredentialId, label: c => `${c.serviceName} credential ${c.serviceSpecificCredentialId}`},
};
const LIST_NAMES = Object.keys(LISTS) as Array<keyof Listed>;

/** The entries of `now` the record does not have yet. */
const added = <K extends keyof Listed>(name: K, record: OffboardRecord, now: OffboardRecord): Listed[K] => {
	const {id} = LISTS[name] as {id: (item: Listed[K][number]) => string};
	const known = new Set((record[name] as Array<Listed[K][number]>).map(id));
	return (now[name] as Array<Listed[K][number]>).filter(item => !known.has(id(item))) as Listed[K];
};

/** The option an unfinished record was started with differs from this run's: the sentence that says how. */
export const optionConflict = (record: OffboardRecord, keepUser: boolean): string | undefined => {
	if (record.keepUser === keepUser) return undefined;
	return record.keepUser
		? `was started with --keep-user (the user is kept, without access: a legal hold), and this run would delete the user`
		: `was started without --keep-user (the user is deleted), and this run asks to keep the user (--keep-user)`;
};

/**
 * The record a resume continues: what the user has now (`now`, collected afresh; undefined when the
 * user is gone) appended to what it had, and this resume noted in `resumes`.
 */
export const resumeRecord = (record: OffboardRecord, now: OffboardRecord | undefined, at: Date): {record: OffboardRecord; found: string[]} => {
	if (!now) return {record: {...record, resumes: [...(record.resumes ?? []), {at: at.toISOString(), keepUser: record.keepUser, found: []}]}, found: []};
	const merged: OffboardRecord = {...record};
	const found: string[] = [];
	for (const name of LIST_NAMES) {
		const fresh = added(name, record, now);
		const {label} = LISTS[name] as {label: (item: unknown) => string};
		found.push(...(fresh as unknown[]).map(label));
		(merged as Record<string, unknown>)[name] = [...(record[name] as unknown[]), ...(fresh as unknown[])];
	}
	if (!record.loginProfile && now.loginProfile) found.push('console password');
	if (!record.permissionsBoundaryArn && now.permissionsBoundaryArn) found.push(`permissions boundary ${now.permissionsBoundaryArn}`);
	// A trust keeps its original document (what restore puts back); a role that named the user since is added.
	const trusted = new Set((record.trustPolicies ?? []).map(t => t.role));
	const newTrusts = (now.trustPolicies ?? []).filter(t => !trusted.has(t.role));
	found.push(...newTrusts.map(t => `trust policy of role ${t.role}`));
	return {
		record: {
			...merged,
			loginProfile: record.loginProfile ?? now.loginProfile,
			permissionsBoundaryArn: record.permissionsBoundaryArn ?? now.permissionsBoundaryArn,
			unlisted: [...new Set([...record.unlisted, ...now.unlisted])],
			trustPolicies: [...(record.trustPolicies ?? []), ...newTrusts],
			assumableRoles: now.assumableRoles ?? record.assumableRoles ?? [],
			resumes: [...(record.resumes ?? []), {at: at.toISOString(), keepUser: record.keepUser, found}],
		},
		found,
	};
};

/**
 * What to plan from on a resume: every entry of the record and of `now`, with the status it has now
 * when it still exists; an entry active in either counts as active (a key turned back on is turned off).
 */
export const planningView = (original: OffboardRecord, now: OffboardRecord): OffboardRecord => {
	const record = resumeRecord(original, now, new Date(0)).record;
	const active = <T extends {status: 'Active' | 'Inactive'}>(items: T[], current: T[], id: (item: T) => string): T[] =>
		items.map(item => {
			const live = current.find(c => id(c) === id(item));
			return live?.status === 'Active' || item.status === 'Active' ? {...item, status: 'Active'} : item;
		});
	return {
		...record,
		loginProfile: now.loginProfile ?? record.loginProfile,
		accessKeys: active(record.accessKeys, now.accessKeys, k => k.accessKeyId),
		signingCertificates: active(record.signingCertificates, now.signingCertificates, c => c.certificateId),
		sshPublicKeys: active(record.sshPublicKeys, now.sshPublicKeys, k => k.sshPublicKeyId),
		serviceSpecificCredentials: active(record.serviceSpecificCredentials, now.serviceSpecificCredentials, c => c.serviceSpecificCredentialId),
	};
};
