// The SDK-backed IamGateway. Cheap to create: clients are built on the first call. Every failure
// leaves here as an IamError; read-only connections are wrapped so writes are refused up front.
import {
	AddUserToGroupCommand,
	GetAccessKeyLastUsedCommand,
	ListAccessKeysCommand,
	ListMFADevicesCommand,
	ListUserTagsCommand,
	RemoveUserFromGroupCommand,
	type IAMClient,
} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand} from '@aws-sdk/client-sts';
import type {
	AccessKeyDetail,
	CallerIdentity,
	ConnectionHooks,
	ConnectionSettings,
	IamGateway,
	LoadOptions,
	MfaDevice,
	UserDetails,
} from '../model/gateway.js';
import type {AccountSnapshot, Tag} from '../model/snapshot.js';
import {createClients, type AwsClients} from './client.js';
import {toIamError, type ErrorContext} from './errors.js';
import {readOnlyGateway} from './read-only.js';
import {loadSnapshot} from './snapshot.js';

const iso = (date: Date | undefined): string => (date ? date.toISOString() : '');

/** Follows Marker/IsTruncated for the List* calls a detail screen makes. */
const allPages = async <T>(
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

const accessKeys = async (iam: IAMClient, userName: string): Promise<AccessKeyDetail[]> => {
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
				status: key.Status === 'Inactive' ? 'Inactive' : 'Active',
				createDate: iso(key.CreateDate),
				lastUsedDate: used?.LastUsedDate ? used.LastUsedDate.toISOString() : null,
				lastUsedService: known(used?.ServiceName),
				lastUsedRegion: known(used?.Region),
			} satisfies AccessKeyDetail;
		}),
	);
};

const mfaDevices = async (iam: IAMClient, userName: string): Promise<MfaDevice[]> => {
	const devices = await allPages(async Marker => {
		const out = await iam.send(new ListMFADevicesCommand({UserName: userName, Marker}));
		return {items: out.MFADevices ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return devices.map(d => ({serialNumber: d.SerialNumber ?? '', enableDate: iso(d.EnableDate)}));
};

const userTags = async (iam: IAMClient, userName: string): Promise<Tag[]> => {
	const tags = await allPages(async Marker => {
		const out = await iam.send(new ListUserTagsCommand({UserName: userName, Marker}));
		return {items: out.Tags ?? [], isTruncated: out.IsTruncated, marker: out.Marker};
	});
	return tags.map(t => ({Key: t.Key ?? '', Value: t.Value ?? ''}));
};

/** The gateway without the read-only wrapper; exported for tests of the wrapper's effect. */
export class SdkGateway implements IamGateway {
	readonly readOnly: boolean;
	private clients?: Promise<AwsClients>;

	constructor(
		private readonly settings: ConnectionSettings,
		private readonly hooks: ConnectionHooks = {},
	) {
		this.readOnly = settings.readOnly === true;
	}

	private context(clients?: AwsClients, service: 'iam' | 'sts' = 'iam'): ErrorContext {
		const endpoint = clients?.endpoints[service] ?? this.settings.endpoint;
		return {endpoint, profile: clients?.profile ?? this.settings.profile};
	}

	/** Runs one operation with the clients, converting anything thrown into an IamError. */
	private async run<T>(service: 'iam' | 'sts', action: string | undefined, operation: (clients: AwsClients) => Promise<T>): Promise<T> {
		let clients: AwsClients | undefined;
		try {
			this.clients ??= createClients(this.settings, this.hooks);
			clients = await this.clients;
			return await operation(clients);
		} catch (error) {
			throw toIamError(error, {...this.context(clients, service), action});
		}
	}

	callerIdentity(): Promise<CallerIdentity> {
		return this.run('sts', 'sts:GetCallerIdentity', async ({sts}) => {
			const out = await sts.send(new GetCallerIdentityCommand({}));
			return {account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? ''};
		});
	}

	loadSnapshot(options: LoadOptions = {}): Promise<AccountSnapshot> {
		return this.run('iam', 'iam:GetAccountAuthorizationDetails', clients =>
			loadSnapshot(clients.iam, {...options, errorContext: this.context(clients)}),
		);
	}

	userDetails(userName: string): Promise<UserDetails> {
		// Several actions: an AccessDenied message from AWS names the one that was refused.
		return this.run('iam', undefined, async ({iam}) => {
			const [keys, devices, tags] = await Promise.all([
				accessKeys(iam, userName),
				mfaDevices(iam, userName),
				userTags(iam, userName),
			]);
			return {accessKeys: keys, mfaDevices: devices, tags};
		});
	}

	addUserToGroup(userName: string, groupName: string): Promise<void> {
		return this.run('iam', 'iam:AddUserToGroup', async ({iam}) => {
			await iam.send(new AddUserToGroupCommand({UserName: userName, GroupName: groupName}));
		});
	}

	removeUserFromGroup(userName: string, groupName: string): Promise<void> {
		return this.run('iam', 'iam:RemoveUserFromGroup', async ({iam}) => {
			await iam.send(new RemoveUserFromGroupCommand({UserName: userName, GroupName: groupName}));
		});
	}
}

/** A gateway for one connection; no request is sent until a method is called. */
export function createGateway(settings: ConnectionSettings, hooks: ConnectionHooks = {}): IamGateway {
	const gateway = new SdkGateway(settings, hooks);
	return settings.readOnly ? readOnlyGateway(gateway) : gateway;
}
