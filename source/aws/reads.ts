// Per-entity reads: what a detail screen or a plan asks about one user, policy or the account. Each
// follows IAM's Marker pages; "does not exist" comes back as null where the interface says so.
import {
	GetAccessKeyLastUsedCommand,
	GetAccountPasswordPolicyCommand,
	GetLoginProfileCommand,
	GetUserCommand,
	ListAccessKeysCommand,
	ListAccountAliasesCommand,
	ListMFADevicesCommand,
	ListPoliciesCommand,
	ListPolicyVersionsCommand,
	ListServiceSpecificCredentialsCommand,
	ListSigningCertificatesCommand,
	ListSSHPublicKeysCommand,
	ListUserTagsCommand,
	type IAMClient,
} from '@aws-sdk/client-iam';
import type {
	AwsManagedPolicy,
	AccessKeyDetail,
	IamReads,
	LoginProfile,
	MfaDevice,
	PasswordPolicy,
	PolicyVersion,
	ServiceSpecificCredential,
	SigningCertificate,
	SshPublicKey,
} from '../model/gateway.js';
import type {Tag} from '../model/snapshot.js';

export const iso = (date: Date | undefined): string => (date ? date.toISOString() : '');

const activity = (status: string | undefined): 'Active' | 'Inactive' => (status === 'Inactive' ? 'Inactive' : 'Active');

/** IAM's "no such user / profile / policy": the SDK's NoSuchEntityException. */
export const isNoSuchEntity = (error: unknown): boolean => {
	const e = error as {name?: string; Code?: string} | null;
	return e?.name === 'NoSuchEntityException' || e?.Code === 'NoSuchEntity';
};

/** The value, or null when IAM says the entity does not exist. */
const orNull = async <T>(read: () => Promise<T>): Promise<T | null> => {
	try {
		return await read();
	} catch (error) {
		if (isNoSuchEntity(error)) return null;
		throw error;
	}
};

/** Follows Marker/IsTruncated until the last page. */
export const allPages = async <T>(
	fetch: (marker: string | undefined) => Promise<{items: T[]; isTruncated?: boolean; marker?: string}>,
): Promise<T[]> => {
	const items: T[] = [];
	let marker: string | undefined;
	for (;;) {
		const page = await fetch(marker);
		items.push(...page.items);
		if (!page.isTruncated || !page.marker || page.marker === marker) return items;
		marker = page.marker;
	}
};

type User = NonNullable<Awaited<ReturnType<IamReads['getUser']>>>;

export const getUser = (iam: IAMClient, userName: string): Promise<User | null> =>
	orNull(async () => {
		const {User: user} = await iam.send(new GetUserCommand({UserName: userName}));
		return {name: user?.UserName ?? userName, arn: user?.Arn ?? '', path: user?.Path ?? '/', createDate: iso(user?.CreateDate)};
	});

export const loginProfile = (iam: IAMClient, userName: string): Promise<LoginProfile | null> =>
	orNull(async () => {
		const {LoginProfile: profile} = await iam.send(new GetLoginProfileCommand({UserName: userName}));
		return {createDate: iso(profile?.CreateDate), passwordResetRequired: profile?.PasswordResetRequired === true};
	});

/** The user's key ids and statuses only: one call per page, no last-used lookups. */
export const accessKeyIds = async (iam: IAMClient, userName: string): Promise<string[]> => {
	const keys = await allPages(async Marker => {
		const out = await iam.send(new ListAccessKeysCommand({UserName: userName, Marker}));
		return {items: out.AccessKeyMetadata ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return keys.map(key => key.AccessKeyId ?? '').filter(Boolean);
};

export const accessKeys = async (iam: IAMClient, userName: string): Promise<AccessKeyDetail[]> => {
	const keys = await allPages(async Marker => {
		const out = await iam.send(new ListAccessKeysCommand({UserName: userName, Marker}));
		return {items: out.AccessKeyMetadata ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return Promise.all(
		keys.map(async key => {
			const out = await iam.send(new GetAccessKeyLastUsedCommand({AccessKeyId: key.AccessKeyId!}));
			const used = out.AccessKeyLastUsed;
			// AWS writes "N/A" for a key that was never used.
			const known = (value: string | undefined) => (value && value !== 'N/A' ? value : null);
			return {
				accessKeyId: key.AccessKeyId ?? '',
				status: activity(key.Status),
				createDate: iso(key.CreateDate),
				lastUsedDate: used?.LastUsedDate ? used.LastUsedDate.toISOString() : null,
				lastUsedService: known(used?.ServiceName),
				lastUsedRegion: known(used?.Region),
			} satisfies AccessKeyDetail;
		}),
	);
};

export const mfaDevices = async (iam: IAMClient, userName: string): Promise<MfaDevice[]> => {
	const devices = await allPages(async Marker => {
		const out = await iam.send(new ListMFADevicesCommand({UserName: userName, Marker}));
		return {items: out.MFADevices ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return devices.map(d => ({serialNumber: d.SerialNumber ?? '', enableDate: iso(d.EnableDate)}));
};

export const userTags = async (iam: IAMClient, userName: string): Promise<Tag[]> => {
	const tags = await allPages(async Marker => {
		const out = await iam.send(new ListUserTagsCommand({UserName: userName, Marker}));
		return {items: out.Tags ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return tags.map(t => ({Key: t.Key ?? '', Value: t.Value ?? ''}));
};

export const signingCertificates = async (iam: IAMClient, userName: string): Promise<SigningCertificate[]> => {
	const certificates = await allPages(async Marker => {
		const out = await iam.send(new ListSigningCertificatesCommand({UserName: userName, Marker}));
		return {items: out.Certificates ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return certificates.map(c => ({
		certificateId: c.CertificateId ?? '',
		status: activity(c.Status),
		uploadDate: iso(c.UploadDate),
		body: c.CertificateBody ?? '',
	}));
};

export const sshPublicKeys = async (iam: IAMClient, userName: string): Promise<SshPublicKey[]> => {
	const keys = await allPages(async Marker => {
		const out = await iam.send(new ListSSHPublicKeysCommand({UserName: userName, Marker}));
		return {items: out.SSHPublicKeys ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return keys.map(k => ({sshPublicKeyId: k.SSHPublicKeyId ?? '', status: activity(k.Status), uploadDate: iso(k.UploadDate)}));
};

export const serviceSpecificCredentials = async (iam: IAMClient, userName: string): Promise<ServiceSpecificCredential[]> => {
	const credentials = await allPages(async Marker => {
		const out = await iam.send(new ListServiceSpecificCredentialsCommand({UserName: userName, Marker}));
		return {items: out.ServiceSpecificCredentials ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return credentials.map(c => ({
		serviceSpecificCredentialId: c.ServiceSpecificCredentialId ?? '',
		serviceName: c.ServiceName ?? '',
		status: activity(c.Status),
		createDate: iso(c.CreateDate),
	}));
};

/** IAM's rule when an account has set no policy: at least 8 characters. */
const DEFAULT_MINIMUM_LENGTH = 8;

export const passwordPolicy = (iam: IAMClient): Promise<PasswordPolicy | null> =>
	orNull(async () => {
		const {PasswordPolicy: policy} = await iam.send(new GetAccountPasswordPolicyCommand({}));
		return {
			minimumLength: policy?.MinimumPasswordLength ?? DEFAULT_MINIMUM_LENGTH,
			requireSymbols: policy?.RequireSymbols === true,
			requireNumbers: policy?.RequireNumbers === true,
			requireUppercase: policy?.RequireUppercaseCharacters === true,
			requireLowercase: policy?.RequireLowercaseCharacters === true,
		};
	});

export const accountAlias = async (iam: IAMClient): Promise<string | null> => {
	// An account has at most one alias: the first page is the whole answer.
	const out = await iam.send(new ListAccountAliasesCommand({}));
	return out.AccountAliases?.[0] ?? null;
};

export const policyVersions = async (iam: IAMClient, policyArn: string): Promise<PolicyVersion[]> => {
	const versions = await allPages(async Marker => {
		const out = await iam.send(new ListPolicyVersionsCommand({PolicyArn: policyArn, Marker}));
		return {items: out.Versions ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return versions.map(v => ({versionId: v.VersionId ?? '', isDefault: v.IsDefaultVersion === true, createDate: iso(v.CreateDate)}));
};

/** Every AWS managed policy, all pages (about 1,400): names and ARNs only. */
export const awsManagedPolicies = async (iam: IAMClient): Promise<AwsManagedPolicy[]> => {
	const policies = await allPages(async Marker => {
		const out = await iam.send(new ListPoliciesCommand({Scope: 'AWS', Marker}));
		return {items: out.Policies ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return policies.flatMap(p => (p.Arn && p.PolicyName ? [{name: p.PolicyName, arn: p.Arn}] : []));
};
