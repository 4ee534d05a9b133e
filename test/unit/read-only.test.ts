import {describe, expect, it} from 'vitest';
import {isMutatingMethod, MUTATING_METHODS, readOnlyGateway} from '../../source/aws/read-only.js';
import {IamError} from '../../source/model/errors.js';
import type {IamGateway} from '../../source/model/gateway.js';
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
		async addUserToGroup(userName: string, groupName: string) {
			calls.push(`addUserToGroup:${userName}:${groupName}`);
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
		await expect(wrapped.addUserToGroup('ana', 'Developers')).rejects.toMatchObject({kind: 'ReadOnly'});
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
		const error = (await wrapped.addUserToGroup('a', 'b').catch((e: unknown) => e)) as IamError;
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
