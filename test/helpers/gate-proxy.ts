// A loopback proxy in front of moto that holds every request for one action until release(), then sends
// the held ones on and lets later ones through: a test can look at a screen while a load is half done.
// With `until`, a request for that action releases the gate itself: what asks for it must not wait for
// the held one (a test of ordering that deadlocks, and times out, when it does). Actions are the query
// protocol's Action or the JSON protocol's X-Amz-Target operation (Organizations, Identity Center).
import http from 'node:http';
import {listen} from './after-effect-proxy.js';
import {assertLoopbackTarget, awsActionOf} from './fault-proxy.js';

export interface GateProxy {
	endpoint: string;
	/** How many requests for the gated action are waiting. */
	waiting(): number;
	/** Forwards the waiting requests and every later one. */
	release(): void;
	/** What opened the gate: the `until` action's request, release(), or nothing yet. */
	releasedBy(): 'until' | 'release' | undefined;
	stop(): Promise<void>;
}

export const gateAction = async (target: string, action: string, options: {until?: string} = {}): Promise<GateProxy> => {
	const upstream = assertLoopbackTarget(target);
	let open = false;
	let releasedBy: 'until' | 'release' | undefined;
	const waiting: Array<() => void> = [];
	const opened = (by: 'until' | 'release') => {
		if (open) return;
		open = true;
		releasedBy = by;
		for (const forward of waiting.splice(0)) forward();
	};
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			const forward = () => {
				const upstreamRequest = http.request({host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers}, answer => {
					response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
					answer.pipe(response);
				});
				upstreamRequest.on('error', () => request.socket.destroy());
				upstreamRequest.end(body);
			};
			const asked = awsActionOf(request.url ?? '/', request.headers, body.toString('utf8'));
			if (!open && asked === action) waiting.push(forward);
			else forward();
			if (options.until !== undefined && asked === options.until) opened('until');
		});
	});
	const {endpoint, stop} = await listen(server);
	return {
		endpoint,
		waiting: () => waiting.length,
		release: () => opened('release'),
		releasedBy: () => releasedBy,
		stop,
	};
};
