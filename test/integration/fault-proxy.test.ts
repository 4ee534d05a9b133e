// The fault proxy (test/helpers/fault-proxy.ts) in front of a real moto_server, driven by the real
// @aws-sdk/client-iam: the faults look to the SDK exactly like AWS's, and a seed fixes the sequence.
import {CreateUserCommand, GetUserCommand, IAMClient, ListGroupsCommand, ListUsersCommand} from '@aws-sdk/client-iam';
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {afterAll, afterEach, beforeAll, expect, it, vi} from 'vitest';
import {toIamError} from '../../source/aws/errors.js';
import {startFaultProxy, type FaultProxy, type FaultProxyOptions} from '../helpers/fault-proxy.js';
import {describeWithMoto, startMoto, type Moto} from '../helpers/with-moto.js';

const CREDENTIALS = {accessKeyId: 'testing', secretAccessKey: 'testing'};
const iamClient = (endpoint: string, maxAttempts: number) =>
	new IAMClient({region: 'us-east-1', endpoint, credentials: CREDENTIALS, maxAttempts});

/** What one call came back as: ok, the AWS error name, or a network error code. */
const outcome = async (promise: Promise<unknown>): Promise<string> => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		const e = error as {name?: string; code?: string};
		return e.code ? `network:${e.code}` : (e.name ?? 'unknown');
	}
};

/** Raw IAM query request; moto routes on the credential scope and does not check the signature. */
const rawIam = (endpoint: string, params: string) =>
	fetch(`${endpoint}/`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
			authorization: 'AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
		},
		body: `${params}&Version=2010-05-08`,
	});

describeWithMoto('fault proxy in front of moto', () => {
	let moto: Moto;
	const proxies: FaultProxy[] = [];
	const proxy = async (options: Omit<FaultProxyOptions, 'target'>): Promise<FaultProxy> => {
		const started = await startFaultProxy({target: moto.endpoint, ...options});
		proxies.push(started);
		return started;
	};

	beforeAll(async () => {
		moto = await startMoto();
		await iamClient(moto.endpoint, 3).send(new CreateUserCommand({UserName: 'alice'}));
	});
	afterEach(async () => {
		await Promise.all(proxies.splice(0).map(p => p.stop()));
	});
	afterAll(async () => {
		await moto?.stop();
	});

	it('repeats the same fault sequence for the same seed, and another for another seed', async () => {
		const rates = {throttleRate: 0.2, http500Rate: 0.1, http503Rate: 0.1, dropRate: 0.1};
		const run = async (seed: number) => {
			const p = await proxy({seed, ...rates});
			const client = iamClient(p.endpoint, 1);
			const outcomes: string[] = [];
			for (let n = 0; n < 40; n++) outcomes.push(await outcome(client.send(new ListUsersCommand({}))));
			return {outcomes, history: p.history().map(h => h.outcome), stats: p.stats()};
		};
		const first = await run(1234);
		const second = await run(1234);
		const other = await run(99);

		expect(second.outcomes).toEqual(first.outcomes);
		expect(second.history).toEqual(first.history);
		expect(other.outcomes).not.toEqual(first.outcomes);
		// Every kind of fault occurred, and each surfaced as the SDK shows it for real AWS.
		expect(new Set(first.outcomes)).toEqual(new Set(['ok', 'Throttling', 'InternalFailure', 'ServiceUnavailable', 'network:ECONNRESET']));
		const {throttled, http500, http503, dropped, forwarded} = first.stats;
		expect(throttled).toBe(first.outcomes.filter(o => o === 'Throttling').length);
		expect(http500).toBe(first.outcomes.filter(o => o === 'InternalFailure').length);
		expect(http503).toBe(first.outcomes.filter(o => o === 'ServiceUnavailable').length);
		expect(dropped).toBe(first.outcomes.filter(o => o.startsWith('network:')).length);
		expect(forwarded).toBe(first.outcomes.filter(o => o === 'ok').length);
	});

	it('answers a throttled request with IAM\'s XML error, which the SDK reports as Throttling', async () => {
		const p = await proxy({seed: 1, throttleRate: 1});
		const error = await iamClient(p.endpoint, 1)
			.send(new ListUsersCommand({}))
			.catch((e: unknown) => e as {name: string; $metadata: {httpStatusCode?: number; attempts?: number}; $fault: string});
		expect(error).toMatchObject({name: 'Throttling', $fault: 'client', message: 'Rate exceeded'});
		expect(error.$metadata).toMatchObject({httpStatusCode: 400, attempts: 1});
		expect(toIamError(error).kind).toBe('Throttled');

		const raw = await rawIam(p.endpoint, 'Action=ListUsers');
		expect(raw.status).toBe(400);
		expect(raw.headers.get('content-type')).toBe('text/xml');
		const xml = await raw.text();
		expect(xml).toMatch(
			/^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">\s*<Error>\s*<Type>Sender<\/Type>\s*<Code>Throttling<\/Code>\s*<Message>Rate exceeded<\/Message>\s*<\/Error>\s*<RequestId>[\w-]+<\/RequestId>\s*<\/ErrorResponse>\s*$/,
		);
		expect(p.stats()).toMatchObject({throttled: 2, forwarded: 0});
	});

	it('answers HTTP 500 and 503 as InternalFailure and ServiceUnavailable', async () => {
		const p500 = await proxy({seed: 2, http500Rate: 1});
		const p503 = await proxy({seed: 3, http503Rate: 1});
		const e500 = (await iamClient(p500.endpoint, 1).send(new ListUsersCommand({})).catch((e: unknown) => e)) as {name: string; $metadata: {httpStatusCode: number}};
		const e503 = (await iamClient(p503.endpoint, 1).send(new ListUsersCommand({})).catch((e: unknown) => e)) as {name: string; $metadata: {httpStatusCode: number}};
		expect([e500.name, e500.$metadata.httpStatusCode]).toEqual(['InternalFailure', 500]);
		expect([e503.name, e503.$metadata.httpStatusCode]).toEqual(['ServiceUnavailable', 503]);
	});

	it('gets a call through 30% throttling with the SDK\'s retries, one retry per injected fault', async () => {
		const p = await proxy({seed: 7, throttleRate: 0.3});
		const client = iamClient(p.endpoint, 10);
		const results = await Promise.all(Array.from({length: 20}, () => client.send(new ListUsersCommand({}))));
		expect(results.every(r => r.Users?.some(u => u.UserName === 'alice'))).toBe(true);
		const retries = results.reduce((sum, r) => sum + (r.$metadata.attempts ?? 1) - 1, 0);
		const stats = p.stats();
		expect(stats.throttled).toBeGreaterThan(0);
		expect(retries).toBe(stats.throttled);
		expect(stats.forwarded).toBe(20);
		expect(stats.byAction).toEqual({ListUsers: 20 + stats.throttled});
	});

	it('drops connections: a network error with retries off, which toIamError calls Network', async () => {
		const p = await proxy({seed: 4, dropRate: 1});
		const error = (await iamClient(p.endpoint, 1).send(new ListUsersCommand({})).catch((e: unknown) => e)) as {code?: string; $metadata?: unknown};
		expect(error).toBeInstanceOf(Error);
		expect(error.code).toBe('ECONNRESET');
		expect(toIamError(error, {endpoint: p.endpoint}).kind).toBe('Network');
		expect(p.stats()).toMatchObject({dropped: 1, forwarded: 0});
	});

	it('forwards un-faulted responses untouched: status, headers and body', async () => {
		const p = await proxy({seed: 5});
		const direct = await rawIam(moto.endpoint, 'Action=GetUser&UserName=alice');
		const proxied = await rawIam(p.endpoint, 'Action=GetUser&UserName=alice');
		const headers = (r: Response) => [...r.headers].filter(([name]) => !['date', 'x-amzn-requestid'].includes(name));
		const body = async (r: Response) => (await r.text()).replace(/<RequestId>[^<]*<\/RequestId>/, '<RequestId/>');
		expect(proxied.status).toBe(direct.status);
		expect(headers(proxied)).toEqual(headers(direct));
		expect(await body(proxied)).toBe(await body(direct));
		expect(await rawIam(p.endpoint, 'Action=GetUser&UserName=nobody').then(r => r.status)).toBe(404);
	});

	it('counts requests by action, targets faults with faultWhen, covers STS, and never faults /moto-api/', async () => {
		const p = await proxy({seed: 6, throttleRate: 1, faultWhen: ({action}) => action === 'ListGroups'});
		const client = iamClient(p.endpoint, 1);
		const sts = new STSClient({region: 'us-east-1', endpoint: p.endpoint, credentials: CREDENTIALS, maxAttempts: 1});
		const outcomes = [
			await outcome(client.send(new ListUsersCommand({}))),
			await outcome(client.send(new ListGroupsCommand({}))),
			await outcome(client.send(new GetUserCommand({UserName: 'alice'}))),
			await outcome(client.send(new ListUsersCommand({}))),
			await outcome(client.send(new ListGroupsCommand({}))),
			await outcome(sts.send(new GetCallerIdentityCommand({}))),
		];
		expect(outcomes).toEqual(['ok', 'Throttling', 'ok', 'ok', 'Throttling', 'ok']);
		const reset = await fetch(`${p.endpoint}/moto-api/reset`, {method: 'POST'});
		expect(reset.status).toBe(200);
		expect(p.stats()).toMatchObject({
			requests: 7,
			forwarded: 5,
			throttled: 2,
			byAction: {ListUsers: 2, ListGroups: 2, GetUser: 1, GetCallerIdentity: 1},
			faultsByAction: {ListGroups: 2},
		});
		await iamClient(moto.endpoint, 3).send(new CreateUserCommand({UserName: 'alice'}));
	});

	it('throttles an STS request with STS\'s error namespace', async () => {
		const p = await proxy({seed: 8, throttleRate: 1});
		const sts = new STSClient({region: 'us-east-1', endpoint: p.endpoint, credentials: CREDENTIALS, maxAttempts: 1});
		expect(await outcome(sts.send(new GetCallerIdentityCommand({})))).toBe('Throttling');
		const raw = await fetch(`${p.endpoint}/`, {method: 'POST', body: 'Action=GetCallerIdentity&Version=2011-06-15'});
		expect(await raw.text()).toContain('xmlns="https://sts.amazonaws.com/doc/2011-06-15/"');
	});

	it('stops injecting after maxFaults', async () => {
		const p = await proxy({seed: 9, throttleRate: 1, maxFaults: 2});
		const client = iamClient(p.endpoint, 1);
		const outcomes: string[] = [];
		for (let n = 0; n < 4; n++) outcomes.push(await outcome(client.send(new ListUsersCommand({}))));
		expect(outcomes).toEqual(['Throttling', 'Throttling', 'ok', 'ok']);
	});

	it('adds latency within the configured bounds', async () => {
		const p = await proxy({seed: 10, latencyMs: [80, 120]});
		const client = iamClient(p.endpoint, 1);
		await client.send(new ListUsersCommand({}));
		const started = performance.now();
		await client.send(new ListUsersCommand({}));
		expect(performance.now() - started).toBeGreaterThanOrEqual(79);
	});

	it('refuses a target that is not on the loopback interface', async () => {
		for (const target of ['http://example.com:5000', 'http://10.0.0.8:5000', 'http://169.254.169.254/', 'https://127.0.0.1:5000', 'not a url']) {
			await expect(startFaultProxy({target, seed: 1})).rejects.toThrow(/fault proxy/);
		}
		await expect(startFaultProxy({target: moto.endpoint, seed: 1, throttleRate: 0.7, dropRate: 0.7})).rejects.toThrow(/more than 1/);
	});

	it('stops by itself after maxLifetimeMs', async () => {
		const p = await proxy({seed: 11, maxLifetimeMs: 300});
		expect(await outcome(iamClient(p.endpoint, 1).send(new ListUsersCommand({})))).toBe('ok');
		await vi.waitFor(() => expect(p.running()).toBe(false), {timeout: 5_000, interval: 50});
		await p.closed;
		const error = (await fetch(`${p.endpoint}/`, {method: 'POST', body: 'Action=ListUsers'}).catch((e: unknown) => e)) as {cause?: {code?: string}};
		expect(error.cause?.code).toBe('ECONNREFUSED');
	});
});
