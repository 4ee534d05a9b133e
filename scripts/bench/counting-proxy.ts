// A loopback HTTP proxy in front of moto that counts every request by action (query-protocol Action or
// JSON-protocol X-Amz-Target) and by the status answered: what a program really sends, retries included.
// Optionally it stands in for AWS's latency and concurrency, which moto (one Python process) lacks:
// - delayMs: every request is held that long before it is answered, as an AWS round trip is;
// - replay: each distinct request (same caller account, action and parameters) goes to moto once and is
//   answered from memory after that (the latest answer kept), so moto's single CPU drops out of the timing
//   and only the delay and the caller's own concurrency are left. A credential report still being generated
//   is not kept (it is asked again until moto says COMPLETE).
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';
import {assertLoopbackTarget, awsActionOf} from '../../test/helpers/fault-proxy.js';

export interface CountedRequest {
	action: string;
	status: number;
	/** Answered from memory (replay), moto not asked. */
	replayed?: boolean;
	/** When it arrived and when it was answered, in ms since the count was last cleared: the requests' timeline. */
	receivedMs: number;
	answeredMs: number;
}

export interface CountingProxy {
	endpoint: string;
	requests(): CountedRequest[];
	/** Forgets the requests counted so far (not the replay answers). */
	clearCount(): void;
	stop(): Promise<void>;
}

export interface CountingProxyOptions {
	/** Held before each answer, in ms. Default 0. */
	delayMs?: number;
	/** Answer a request seen before from memory. Default false. */
	replay?: boolean;
}

interface Answer {
	status: number;
	message: string | undefined;
	headers: string[];
	body: Buffer;
}

/** The access key that signed the request (SigV4's Credential=KEY/date/region/service/aws4_request). */
const signingKey = (headers: http.IncomingHttpHeaders): string => /Credential=([^/,\s]+)\//.exec(headers.authorization ?? '')?.[1] ?? '(unsigned)';

/** Parameters in a stable order: query bodies may list them in any; JSON bodies are kept as sent. */
const parametersOf = (body: string, headers: http.IncomingHttpHeaders): string =>
	headers['x-amz-target'] ? body : [...new URLSearchParams(body)].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('&');

export const startCountingProxy = async (targetUrl: string, options: CountingProxyOptions = {}): Promise<CountingProxy> => {
	const target = assertLoopbackTarget(targetUrl);
	const delayMs = options.delayMs ?? 0;
	let seen: CountedRequest[] = [];
	let since = performance.now();
	const now = () => Math.round(performance.now() - since);
	const answers = new Map<string, Answer>();
	// Assumed-role keys are fresh on every AssumeRole: the account they act in is what makes a request the same.
	const accountOfKey = new Map<string, string>();

	const send = (response: http.ServerResponse, answer: Answer) => {
		response.writeHead(answer.status, answer.message, answer.headers);
		response.end(answer.body);
	};

	const forward = (request: http.IncomingMessage, body: Buffer): Promise<Answer> =>
		new Promise((resolve, reject) => {
			const upstream = http.request(
				{host: target.hostname, port: target.port || 80, method: request.method, path: request.url, headers: request.headers},
				answer => {
					const chunks: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => chunks.push(chunk));
					answer.on('end', () => resolve({status: answer.statusCode ?? 502, message: answer.statusMessage, headers: answer.rawHeaders, body: Buffer.concat(chunks)}));
					answer.on('error', reject);
				},
			);
			upstream.on('error', reject);
			upstream.end(body);
		});

	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			void (async () => {
				const body = Buffer.concat(chunks);
				const text = body.toString('utf8');
				const counted = !request.url?.startsWith('/moto-api/');
				const action = awsActionOf(request.url ?? '/', request.headers, text) ?? '(none)';
				const key = signingKey(request.headers);
				const receivedMs = now();
				const same = `${accountOfKey.get(key) ?? key} ${request.url} ${action} ${parametersOf(text, request.headers)}`;
				if (delayMs > 0 && counted) await sleep(delayMs);
				const known = options.replay && counted ? answers.get(same) : undefined;
				if (known) {
					seen.push({action, status: known.status, replayed: true, receivedMs, answeredMs: now()});
					send(response, known);
					return;
				}
				try {
					const answer = await forward(request, body);
					if (counted) seen.push({action, status: answer.status, receivedMs, answeredMs: now()});
					// A report still being generated is a state in passing: asked again, moto may say COMPLETE.
					if (options.replay && counted && !/<State>(STARTED|INPROGRESS)<\/State>/.test(answer.body.toString('utf8'))) {
						answers.set(same, answer);
						if (action === 'AssumeRole' && answer.status === 200) {
							const account = /arn:[\w-]+:iam::(\d+):/.exec(new URLSearchParams(text).get('RoleArn') ?? '')?.[1];
							const issued = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(answer.body.toString('utf8'))?.[1];
							if (account && issued) accountOfKey.set(issued, account);
						}
					}
					send(response, answer);
				} catch (error) {
					if (counted) seen.push({action, status: 502, receivedMs, answeredMs: now()});
					if (!response.headersSent) response.writeHead(502, {'content-type': 'text/plain'});
					response.end(`counting proxy: ${(error as Error).message}`);
				}
			})();
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		requests: () => [...seen],
		clearCount: () => {
			seen = [];
			since = performance.now();
		},
		stop: () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
};
