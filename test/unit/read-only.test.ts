import {afterEach, describe, expect, it, vi} from 'vitest';
import {SdkGateway} from '../../source/aws/gateway.js';
import {connectGuarded, isMutatingMethod, MUTATING_METHODS, readOnlyGateway} from '../../source/aws/read-only.js';
import {IamError} from '../../source/model/errors.js';
import type {IamGateway, IamReads} from '../../source/model/gateway.js';
import {emptySnapshot} from '../../source/model/snapshot.js';

/** A gateway with today's reads plus writes of the kind later issues add; it records what reached it. */
const fakeGateway = () => {
	const calls: string[] = [];
	const gateway = {
		readOnly: false,
		async callerIdentity() {
			calls.push('callerIdentity');
			return {account: '123456789012', arn: 'arn:aws:iam::123456789012:user/me', userId: 'AIDA'};
		},
		async loadSnapshot() {
			calls.push('loadSnapshot');
			return emptySnapshot();
		},
		async userDetails(userName: string) {
			calls.push(`userDetails:${userName}`);
			return {accessKeys: [], mfaDevices: [], tags: []};
		},
		async addUserToGroup({user, group}: {user: string; group: string}) {
			calls.push(`addUserToGroup:${user}:${group}`);
		},
		// Not in MUTATING_METHODS: refused by its verb.
		async detachRolePolicy() {
			calls.push('detachRolePolicy');
		},
		async listSigningCertificates() {
			calls.push('listSigningCertificates');
			return [];
		},
	};
	return {gateway: gateway as IamGateway & typeof gateway, calls};
};

describe('readOnlyGateway', () => {
	it('refuses every mutating method with IamError ReadOnly before anything reaches the gateway', async () => {
		const {gateway, calls} = fakeGateway();
		const wrapped = readOnlyGateway(gateway);
		await expect(wrapped.addUserToGroup({user: 'ana', group: 'Developers'})).rejects.toMatchObject({kind: 'ReadOnly'});
		await expect(wrapped.detachRolePolicy()).rejects.toBeInstanceOf(IamError);
		expect(calls).toEqual([]);
	});

	it('lets reads through, bound to the wrapped gateway', async () => {
		const {gateway, calls} = fakeGateway();
		const wrapped = readOnlyGateway(gateway);
		expect(wrapped.readOnly).toBe(true);
		await wrapped.callerIdentity();
		await wrapped.loadSnapshot();
		await wrapped.userDetails('ana');
		await wrapped.listSigningCertificates();
		expect(calls).toEqual(['callerIdentity', 'loadSnapshot', 'userDetails:ana', 'listSigningCertificates']);
	});

	it('the error says what was refused and how to get out of read-only mode', async () => {
		const wrapped = readOnlyGateway(fakeGateway().gateway);
		const error = (await wrapped.addUserToGroup({user: 'a', group: 'b'}).catch((e: unknown) => e)) as IamError;
		expect(error.message).toContain('addUserToGroup');
		expect(error.hint).toMatch(/read-only/);
	});
});

describe('isMutatingMethod', () => {
	it('knows the listed writes and recognises write verbs, not reads', () => {
		for (const name of MUTATING_METHODS) expect(isMutatingMethod(name)).toBe(true);
		for (const name of ['createServiceSpecificCredential', 'putRolePolicy', 'tagPolicy', 'enableMfaDevice', 'deleteSshPublicKey']) {
			expect(isMutatingMethod(name)).toBe(true);
		}
		for (const name of ['callerIdentity', 'loadSnapshot', 'userDetails', 'listAccessKeys', 'getPolicyVersion', 'settings', 'addressBook']) {
			expect(isMutatingMethod(name)).toBe(false);
		}
	});
});

/** Every read of the interface; `satisfies` makes this test fail to compile when a read is added and not listed. */
const READS = {
	readOnly: true,
	callerIdentity: true,
	loadSnapshot: true,
	userDetails: true,
	getUser: true,
	loginProfile: true,
	accessKeys: true,
	signingCertificates: true,
	sshPublicKeys: true,
	serviceSpecificCredentials: true,
	mfaDevices: true,
	passwordPolicy: true,
	accountAlias: true,
	policyVersions: true,
	awsManagedPolicies: true,
} as const satisfies Record<keyof IamReads, true>;

/** SdkGateway's private plumbing: not operations, never reached through the interface. */
const PLUMBING = new Set(['constructor', 'context', 'run', 'read', 'write']);

const operationsOf = (prototype: object): string[] =>
	Object.getOwnPropertyNames(prototype).filter(name => !PLUMBING.has(name) && typeof Reflect.get(prototype, name) === 'function');

describe('read-only covers every write of the real SdkGateway', () => {
	afterEach(() => vi.restoreAllMocks());

	const operations = operationsOf(SdkGateway.prototype);
	const writes = operations.filter(name => !(name in READS));

	it('every operation that is not a read is in MUTATING_METHODS; no read is taken for a write', () => {
		expect(writes.length).toBeGreaterThanOrEqual(34);
		for (const name of writes) expect(MUTATING_METHODS.has(name), name).toBe(true);
		for (const name of operations.filter(name => name in READS)) expect(isMutatingMethod(name), name).toBe(false);
	});

	it('a wrapped SdkGateway refuses each write with ReadOnly, and no operation starts (no client, no request)', async () => {
		const run = vi.spyOn(SdkGateway.prototype as unknown as {run: () => Promise<unknown>}, 'run');
		const wrapped = readOnlyGateway(new SdkGateway({endpoint: 'http://127.0.0.1:9', maxAttempts: 1}));
		for (const name of writes) {
			const method = Reflect.get(wrapped, name) as (input: unknown) => Promise<unknown>;
			const error = await method({user: 'ana', group: 'Developers'}).catch((e: unknown) => e);
			expect(error, name).toMatchObject({kind: 'ReadOnly', message: `read-only mode: ${name} was not sent`});
		}
		expect(run).not.toHaveBeenCalled();
	});

	it('refuses a write the inner gateway does not even have (the offline file gateway has no writes)', async () => {
		const readsOnly = {readOnly: true, async loadSnapshot() {
			return emptySnapshot();
		}} as unknown as IamGateway;
		const wrapped = readOnlyGateway(readsOnly);
		await expect(wrapped.createAccessKey({user: 'ana'})).rejects.toMatchObject({kind: 'ReadOnly'});
		await expect(wrapped.deleteUser({user: 'ana'})).rejects.toMatchObject({kind: 'ReadOnly'});
	});
});

describe('connectGuarded: the one way the app builds a gateway', () => {
	it('wraps whatever connect() returned when the settings are read-only, even a gateway that says it writes', async () => {
		const {gateway, calls} = fakeGateway();
		const guarded = connectGuarded(() => gateway, {profile: 'p', readOnly: true}, {}, () => gateway);
		expect(guarded.readOnly).toBe(true);
		await expect(guarded.addUserToGroup({user: 'ana', group: 'Ops'})).rejects.toMatchObject({kind: 'ReadOnly'});
		await guarded.callerIdentity();
		expect(calls).toEqual(['callerIdentity']);
	});

	it('wraps the stand-in for a connect() that threw, and leaves a writable session alone', async () => {
		const {gateway, calls} = fakeGateway();
		const failed = connectGuarded(
			() => {
				throw new Error('no such profile');
			},
			{readOnly: true},
			{},
			() => gateway,
		);
		await expect(failed.addUserToGroup({user: 'ana', group: 'Ops'})).rejects.toMatchObject({kind: 'ReadOnly'});
		expect(calls).toEqual([]);
		const writable = connectGuarded(() => gateway, {readOnly: false}, {}, () => gateway);
		await writable.addUserToGroup({user: 'ana', group: 'Ops'});
		expect(calls).toEqual(['addUserToGroup:ana:Ops']);
	});
});
