// No blind resend of a create: faults on exactly the first CreateUser / CreateAccessKey /
// CreateLoginProfile / CreatePolicy / UploadSigningCertificate, and the write still happens exactly
// once. Two kinds of fault: the fault proxy's (test/helpers/fault-proxy.ts), which answers 500, drops
// or throttles BEFORE moto sees the request; and test/helpers/after-effect-proxy.ts, which lets moto act and drops the
// answer — the case where a blind resend would create twice.
import selfsigned from 'selfsigned';
import {afterEach, expect, it} from 'vitest';
import {dropAnswerAfterProcessing} from '../helpers/after-effect-proxy.js';
import {startFaultProxy, type FaultKind, type FaultProxy} from '../helpers/fault-proxy.js';
import {describeWithMoto} from '../helpers/with-moto.js';
import {ACCOUNT, POLICY_DOCUMENT, useMotoForWrites} from './writes-moto.js';

describeWithMoto('creates are never resent blindly (faults against moto)', () => {
	const env = useMotoForWrites();
	const stops: Array<() => Promise<void>> = [];
	afterEach(async () => {
		for (const stop of stops.splice(0)) await stop();
	});

	/** The fault proxy, faulting exactly the first request for `action`. */
	const faultFirst = async (action: string, kind: FaultKind, faults = 1): Promise<FaultProxy> => {
		const proxy = await startFaultProxy({
			target: env.moto().endpoint,
			seed: 7,
			[`${kind === 'throttle' ? 'throttle' : kind}Rate`]: 1,
			maxFaults: faults,
			faultWhen: request => request.action === action,
		});
		stops.push(() => proxy.stop());
		return proxy;
	};
	const afterEffect = async (action: string, count = 1) => {
		const proxy = await dropAnswerAfterProcessing(env.moto().endpoint, action, {count});
		stops.push(() => proxy.stop());
		return proxy;
	};
	const actions = (history: {action?: string; outcome: string}[]) => history.map(event => `${event.action}:${event.outcome}`);

	it('CreateUser answered 500: re-reads (GetUser), finds nothing, sends once more — one user', async () => {
		const proxy = await faultFirst('CreateUser', 'http500');
		await env.gateway(proxy.endpoint).createUser({user: 'ana', tags: [{Key: 'team', Value: 'a'}]});
		expect(actions(proxy.history())).toEqual(['CreateUser:http500', 'GetUser:forwarded', 'CreateUser:forwarded']);
		expect((await env.gateway().loadSnapshot()).users.map(u => [u.name, u.tags])).toEqual([['ana', [{Key: 'team', Value: 'a'}]]]);
	});

	it('CreateUser processed, then the answer lost: GetUser finds the user, no second CreateUser', async () => {
		const proxy = await afterEffect('CreateUser');
		await env.gateway(proxy.endpoint).createUser({user: 'ana'});
		expect(actions(proxy.history())).toEqual(['CreateUser:dropped-after-processing', 'GetUser:forwarded']);
		expect(await env.gateway().getUser('ana')).toMatchObject({name: 'ana'});
	});

	it('CreateUser throttled: the SDK resends it (IAM certainly did nothing), without a re-read', async () => {
		const proxy = await faultFirst('CreateUser', 'throttle');
		await env.gateway(proxy.endpoint).createUser({user: 'ana'});
		expect(actions(proxy.history())).toEqual(['CreateUser:throttle', 'CreateUser:forwarded']);
		expect((await env.gateway().loadSnapshot()).users.map(u => u.name)).toEqual(['ana']);
	});

	it('CreateAccessKey connection dropped: lists keys before and after, sends once more — exactly one key, the returned one', async () => {
		await env.gateway().createUser({user: 'ana'});
		const proxy = await faultFirst('CreateAccessKey', 'drop');
		const key = await env.gateway(proxy.endpoint).createAccessKey({user: 'ana'});
		expect(actions(proxy.history())).toEqual([
			'ListAccessKeys:forwarded',
			'CreateAccessKey:drop',
			'ListAccessKeys:forwarded',
			'CreateAccessKey:forwarded',
		]);
		expect((await env.gateway().accessKeys('ana')).map(k => k.accessKeyId)).toEqual([key.accessKeyId]);
	});

	it('CreateAccessKey processed, then the answer lost: the orphan key (secret lost) is deleted, a new one made — exactly one key, the returned one', async () => {
		await env.gateway().createUser({user: 'ana'});
		const kept = await env.gateway().createAccessKey({user: 'ana'});
		const proxy = await afterEffect('CreateAccessKey');
		const key = await env.gateway(proxy.endpoint).createAccessKey({user: 'ana'});
		expect(proxy.history().map(e => `${e.action}:${e.outcome}`)).toEqual([
			'ListAccessKeys:forwarded',
			'CreateAccessKey:dropped-after-processing',
			'ListAccessKeys:forwarded',
			'DeleteAccessKey:forwarded',
			'CreateAccessKey:forwarded',
		]);
		// The key the user had before is untouched; the orphan is gone; the new key is the returned one.
		expect((await env.gateway().accessKeys('ana')).map(k => k.accessKeyId).sort()).toEqual([kept.accessKeyId, key.accessKeyId].sort());
	});

	it('CreateLoginProfile answered 500: GetLoginProfile finds none, sends once more — one profile', async () => {
		await env.gateway().createUser({user: 'ana'});
		const proxy = await faultFirst('CreateLoginProfile', 'http500');
		await env.gateway(proxy.endpoint).createLoginProfile({user: 'ana', password: 'Correct-Horse-9-Battery', passwordResetRequired: true});
		expect(actions(proxy.history())).toEqual(['CreateLoginProfile:http500', 'GetLoginProfile:forwarded', 'CreateLoginProfile:forwarded']);
		expect(await env.gateway().loginProfile('ana')).not.toBeNull();
	});

	it('CreateLoginProfile processed, then the answer lost: the profile found is ours, no resend', async () => {
		await env.gateway().createUser({user: 'ana'});
		const proxy = await afterEffect('CreateLoginProfile');
		await env.gateway(proxy.endpoint).createLoginProfile({user: 'ana', password: 'Correct-Horse-9-Battery', passwordResetRequired: true});
		expect(proxy.history().map(e => e.action)).toEqual(['CreateLoginProfile', 'GetLoginProfile']);
		expect(await env.gateway().loginProfile('ana')).not.toBeNull();
	});

	it('CreatePolicy dropped: looks the ARN up (GetCallerIdentity, GetPolicy), sends once more — one policy', async () => {
		const proxy = await faultFirst('CreatePolicy', 'drop');
		const {arn} = await env.gateway(proxy.endpoint).createPolicy({policyName: 'S3Read', path: '/tools/', document: POLICY_DOCUMENT});
		expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:policy/tools/S3Read`);
		expect(actions(proxy.history())).toEqual([
			'CreatePolicy:drop',
			'GetCallerIdentity:forwarded',
			'GetPolicy:forwarded',
			'CreatePolicy:forwarded',
		]);
		expect((await env.gateway().loadSnapshot()).policies.map(p => p.arn)).toEqual([arn]);
	});

	it('CreatePolicy processed, then the answer lost: GetPolicy finds it and its ARN is returned', async () => {
		const proxy = await afterEffect('CreatePolicy');
		const {arn} = await env.gateway(proxy.endpoint).createPolicy({policyName: 'S3Read', document: POLICY_DOCUMENT});
		expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:policy/S3Read`);
		expect(proxy.history().map(e => e.action)).toEqual(['CreatePolicy', 'GetCallerIdentity', 'GetPolicy']);
	});

	it('UploadSigningCertificate processed, then the answer lost: the certificate with the same body is ours', async () => {
		await env.gateway().createUser({user: 'rsdash'});
		const {cert} = await selfsigned.generate([{name: 'commonName', value: 'rsdash'}], {algorithm: 'sha256'});
		const proxy = await afterEffect('UploadSigningCertificate');
		const {certificateId} = await env.gateway(proxy.endpoint).uploadSigningCertificate({user: 'rsdash', certificateBody: cert});
		expect(proxy.history().map(e => e.action)).toEqual(['UploadSigningCertificate', 'ListSigningCertificates']);
		expect((await env.gateway().signingCertificates('rsdash')).map(c => c.certificateId)).toEqual([certificateId]);
	});

	it('two ambiguous failures in a row: the error says IAM was re-read and nothing was created', async () => {
		const proxy = await faultFirst('CreateUser', 'http500', 2);
		const error = await env.gateway(proxy.endpoint).createUser({user: 'ana'}).catch((e: unknown) => e);
		expect(error).toMatchObject({kind: 'Unknown', hint: expect.stringContaining('iam:CreateUser did not take effect, so it is safe to try again')});
		expect(actions(proxy.history())).toEqual(['CreateUser:http500', 'GetUser:forwarded', 'CreateUser:http500', 'GetUser:forwarded']);
		expect(await env.gateway().getUser('ana')).toBeNull();
	});

	it('a delete processed, then the answer lost: the SDK resends, meets NoSuchEntity, and that counts as done', async () => {
		await env.gateway().createUser({user: 'ana'});
		const proxy = await afterEffect('DeleteUser');
		await expect(env.gateway(proxy.endpoint).deleteUser({user: 'ana'})).resolves.toBeUndefined();
		expect(proxy.history().map(e => e.action)).toEqual(['DeleteUser', 'DeleteUser']);
		expect(await env.gateway().getUser('ana')).toBeNull();
		// Without a resend, a missing user is still NotFound.
		await expect(env.gateway().deleteUser({user: 'ana'})).rejects.toMatchObject({kind: 'NotFound'});
	});
});
