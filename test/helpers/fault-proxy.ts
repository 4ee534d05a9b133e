// A loopback HTTP proxy in front of moto_server that injects the failures AWS shows in real life:
// Throttling (HTTP 400, IAM's XML error shape), HTTP 500 and 503, dropped connections and latency,
// at configured rates from a seeded PRNG, so a fault sequence repeats exactly for a given seed.
// Bounded: it stops injecting after maxFaults and shuts itself down after maxLifetimeMs. It forwards
// only to the loopback target it was given, and never faults moto's own /moto-api/ paths.
// No vitest import: usable from scripts too.
import http from 'node:http';
import type {Socket} from 'node:net';
import {mulberry32} from './prng.js';

export type FaultKind = 'throttle' | 'http500' | 'http503' | 'drop';
export type Outcome = FaultKind | 'forwarded' | 'upstream-error' | 'stopped';

export interface FaultRequest {
	/** The query-protocol Action (ListUsers, GetCallerIdentity …); undefined when the body has none. */
	action?: string;
	body: string;
}

export interface FaultProxyOptions {
	/** moto's endpoint, e.g. http://127.0.0.1:5000. Must be http on a loopback address. */
	target: string;
	/** Seed for the PRNG: the same seed and the same request sequence give the same faults. */
	seed: number;
	/** Probabilities (0..1) per eligible request; their sum must not exceed 1. */
	throttleRate?: number;
	http500Rate?: number;
	http503Rate?: number;
	dropRate?: number;
	/** Extra delay before every AWS request is answered, uniform in [min, max] ms. */
	latencyMs?: [number, number];
	/** No more faults after this many (default: unlimited). */
	maxFaults?: number;
	/** The proxy stops itself after this long (default 5 minutes). */
	maxLifetimeMs?: number;
	/** Only requests for which this returns true may be faulted (default: all AWS requests). */
	faultWhen?: (request: FaultRequest) => boolean;
}

export interface FaultProxyStats {
	/** Every request received, /moto-api/ included. */
	requests: number;
	/** Requests passed on to the target. */
	forwarded: number;
	throttled: number;
	http500: number;
	http503: number;
	dropped: number;
	/** Requests received per Action (AWS requests only). */
	byAction: Record<string, number>;
	/** Faults injected per Action. */
	faultsByAction: Record<string, number>;
}

export interface FaultProxy {
	/** http://127.0.0.1:PORT — give this to the SDK client as its endpoint. */
	endpoint: string;
	stats(): FaultProxyStats;
	/** What happened to each AWS request, in arrival order (for determinism checks). */
	history(): {action?: string; outcome: Outcome}[];
	/** False once stopped (by stop() or by maxLifetimeMs). */
	running(): boolean;
	/** Resolves when the proxy has stopped, whoever stopped it. */
	closed: Promise<void>;
	/** Closes the listener and every open connection. Safe to call twice. */
	stop(): Promise<void>;
}

const DEFAULT_LIFETIME_MS = 5 * 60_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export {mulberry32};

/** Throws unless the target is plain http on a loopback host: the proxy never reaches the network. */
export const assertLoopbackTarget = (target: string): URL => {
	let url: URL;
	try {
		url = new URL(target);
	} catch {
		throw new Error(`fault proxy: target is not a URL: ${target}`);
	}
	if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
		throw new Error(`fault proxy: refusing non-loopback target ${target} (only http://127.0.0.1, localhost or [::1])`);
	}
	return url;
};

const ERRORS: Record<Exclude<FaultKind, 'drop'>, {status: number; type: string; code: string; message: string}> = {
	throttle: {status: 400, type: 'Sender', code: 'Throttling', message: 'Rate exceeded'},
	http500: {status: 500, type: 'Receiver', code: 'InternalFailure', message: 'We encountered an internal error. Please try again.'},
	http503: {status: 503, type: 'Receiver', code: 'ServiceUnavailable', message: 'Service is unavailable. Please try again later.'},
};

/** The query protocol's error document, as IAM (or STS, by the request's Version) sends it. */
export const errorXml = (kind: Exclude<FaultKind, 'drop'>, requestId: string, sts = false): string => {
	const {type, code, message} = ERRORS[kind];
	return (
		`<ErrorResponse xmlns="${sts ? STS_NS : IAM_NS}">\n` +
		`  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${message}</Message>\n  </Error>\n` +
		`  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
	);
};

const checkRate = (name: string, value: number | undefined): number => {
	const rate = value ?? 0;
	if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new Error(`fault proxy: ${name} must be between 0 and 1, got ${value}`);
	return rate;
};

const readBody = (request: http.IncomingMessage): Promise<Buffer> =>
	new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});

const actionOf = (url: string, body: string): string | undefined => {
	const fromBody = new URLSearchParams(body).get('Action');
	if (fromBody) return fromBody;
	return new URL(url, 'http://proxy.invalid').searchParams.get('Action') ?? undefined;
};

/**
 * The AWS action a request asks for, in either protocol: the query protocol's Action (IAM, STS), or the JSON
 * protocol's X-Amz-Target operation (Organizations, Identity Center). For the other proxies and the bench's;
 * this one faults by the query protocol's Action alone.
 */
export const awsActionOf = (url: string, headers: http.IncomingHttpHeaders, body: string): string | undefined => {
	const target = headers['x-amz-target'];
	return actionOf(url, body) ?? (typeof target === 'string' ? target.slice(target.lastIndexOf('.') + 1) : undefined);
};

/** Starts the proxy on 127.0.0.1 (a free port) in front of `target`. */
export const startFaultProxy = async (options: FaultProxyOptions): Promise<FaultProxy> => {
	const target = assertLoopbackTarget(options.target);
	const rates: [FaultKind, number][] = [
		['throttle', checkRate('throttleRate', options.throttleRate)],
		['http500', checkRate('http500Rate', options.http500Rate)],
		['http503', checkRate('http503Rate', options.http503Rate)],
		['drop', checkRate('dropRate', options.dropRate)],
	];
	if (rates.reduce((sum, [, rate]) => sum + rate, 0) > 1 + 1e-9) throw new Error('fault proxy: the fault rates add up to more than 1');
	const [minDelay, maxDelay] = options.latencyMs ?? [0, 0];
	if (!(minDelay >= 0 && maxDelay >= minDelay)) throw new Error('fault proxy: latencyMs must be [min, max] with 0 <= min <= max');
	const maxFaults = options.maxFaults ?? Number.POSITIVE_INFINITY;
	// Two streams: the fault sequence does not depend on whether latency is configured.
	const faultRandom = mulberry32(options.seed);
	const delayRandom = mulberry32(options.seed ^ 0x5bd1e995);

	const counts = {requests: 0, forwarded: 0, throttled: 0, http500: 0, http503: 0, dropped: 0};
	const byAction: Record<string, number> = {};
	const faultsByAction: Record<string, number> = {};
	const events: {action?: string; outcome: Outcome}[] = [];
	const sockets = new Set<Socket>();
	const timers = new Set<NodeJS.Timeout>();
	let faults = 0;
	let stopped = false;
	let sequence = 0;

	const pickFault = (request: FaultRequest): FaultKind | undefined => {
		if (faults >= maxFaults) return undefined;
		if (options.faultWhen && !options.faultWhen(request)) return undefined;
		let draw = faultRandom();
		for (const [kind, rate] of rates) {
			if (draw < rate) return kind;
			draw -= rate;
		}
		return undefined;
	};

	const delay = (): Promise<void> => {
		if (maxDelay <= 0) return Promise.resolve();
		const ms = minDelay + Math.floor(delayRandom() * (maxDelay - minDelay + 1));
		return new Promise(resolve => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});
	};

	const forward = (request: http.IncomingMessage, response: http.ServerResponse, body: Buffer, record: (o: Outcome) => void) => {
		// Headers go on as received: the SigV4 signature covers Host, and moto may check it.
		const upstream = http.request(
			{host: target.hostname.replace(/^\[|\]$/g, ''), port: target.port || 80, method: request.method, path: request.url, headers: request.headers},
			answer => {
				response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
				answer.pipe(response);
				counts.forwarded++;
				record('forwarded');
			},
		);
		upstream.on('error', error => {
			record('upstream-error');
			if (response.headersSent) {
				response.destroy();
				return;
			}
			response.writeHead(502, {'content-type': 'text/plain'});
			response.end(`fault proxy: target unreachable: ${error.message}`);
		});
		upstream.end(body);
	};

	const inject = (kind: FaultKind, request: FaultRequest, response: http.ServerResponse) => {
		faults++;
		if (request.action) faultsByAction[request.action] = (faultsByAction[request.action] ?? 0) + 1;
		if (kind === 'drop') {
			counts.dropped++;
			response.socket?.destroy();
			return;
		}
		counts[kind === 'throttle' ? 'throttled' : kind]++;
		const requestId = `fault-${options.seed}-${++sequence}`;
		const sts = new URLSearchParams(request.body).get('Version') === '2011-06-15';
		const xml = errorXml(kind, requestId, sts);
		response.writeHead(ERRORS[kind].status, {
			'content-type': 'text/xml',
			'content-length': Buffer.byteLength(xml),
			'x-amzn-requestid': requestId,
		});
		response.end(xml);
	};

	const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
		counts.requests++;
		const body = await readBody(request);
		const path = request.url ?? '/';
		if (path.startsWith('/moto-api')) {
			forward(request, response, body, () => {});
			return;
		}
		const text = body.toString('utf8');
		const action = actionOf(path, text);
		const key = action ?? '(none)';
		byAction[key] = (byAction[key] ?? 0) + 1;
		const event: {action?: string; outcome: Outcome} = {action, outcome: 'stopped'};
		events.push(event);
		const fault = pickFault({action, body: text});
		await delay();
		if (stopped) {
			response.socket?.destroy();
			return;
		}
		if (fault) {
			event.outcome = fault;
			inject(fault, {action, body: text}, response);
			return;
		}
		forward(request, response, body, outcome => (event.outcome = outcome));
	};

	const server = http.createServer((request, response) => {
		handle(request, response).catch(() => response.socket?.destroy());
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('fault proxy: no port');

	let markClosed = () => {};
	const closed = new Promise<void>(resolve => (markClosed = resolve));
	const stop = async () => {
		if (stopped) return closed;
		stopped = true;
		clearTimeout(lifetime);
		for (const timer of timers) clearTimeout(timer);
		timers.clear();
		server.close(() => markClosed());
		for (const socket of sockets) socket.destroy();
		return closed;
	};
	const lifetime = setTimeout(() => void stop(), options.maxLifetimeMs ?? DEFAULT_LIFETIME_MS);
	lifetime.unref();

	return {
		endpoint: `http://127.0.0.1:${address.port}`,
		stats: () => ({...counts, byAction: {...byAction}, faultsByAction: {...faultsByAction}}),
		history: () => events.map(event => ({...event})),
		running: () => !stopped,
		closed,
		stop,
	};
};
