// A loopback proxy in front of moto that forwards every request except those for one action, which it
// holds unanswered (and never forwards) until stopped: a process can be killed while such a request is
// in flight, with everything before it done in moto and nothing after it sent.
import http from 'node:http';
import {listen} from './after-effect-proxy.js';
import {assertLoopbackTarget} from './fault-proxy.js';

export interface HoldProxy {
	endpoint: string;
	/** How many requests for the held action arrived. */
	held(): number;
	stop(): Promise<void>;
}

export const holdAction = async (target: string, action: string): Promise<HoldProxy> => {
	const upstream = assertLoopbackTarget(target);
	let held = 0;
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			if (new URLSearchParams(body.toString('utf8')).get('Action') === action) {
				held++;
				return; // Never answered, never forwarded.
			}
			const forward = http.request({host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers}, answer => {
				response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
				answer.pipe(response);
			});
			forward.on('error', () => request.socket.destroy());
			forward.end(body);
		});
	});
	const {endpoint, stop} = await listen(server);
	return {endpoint, held: () => held, stop};
};
