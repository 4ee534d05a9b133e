// A loopback proxy in front of moto that holds every request for one action until release(), then sends
// the held ones on and lets later ones through: a test can look at a screen while a load is half done.
import http from 'node:http';
import {listen} from './after-effect-proxy.js';
import {assertLoopbackTarget} from './fault-proxy.js';

export interface GateProxy {
	endpoint: string;
	/** How many requests for the gated action are waiting. */
	waiting(): number;
	/** Forwards the waiting requests and every later one. */
	release(): void;
	stop(): Promise<void>;
}

export const gateAction = async (target: string, action: string): Promise<GateProxy> => {
	const upstream = assertLoopbackTarget(target);
	let open = false;
	const waiting: Array<() => void> = [];
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
			if (!open && new URLSearchParams(body.toString('utf8')).get('Action') === action) waiting.push(forward);
			else forward();
		});
	});
	const {endpoint, stop} = await listen(server);
	return {
		endpoint,
		waiting: () => waiting.length,
		release: () => {
			open = true;
			for (const forward of waiting.splice(0)) forward();
		},
		stop,
	};
};
