// A proxy in front of moto that lets moto act on a request and then cuts the connection before the
// answer reaches the client: the case where a blind resend would create twice. A hook can run in that
// window (after moto acted, before the cut), e.g. "another operator" changing the same user.
import http from 'node:http';
import type {Socket} from 'node:net';

export interface AfterEffectProxy {
	endpoint: string;
	/** The actions received, in order, with what happened: forwarded, or processed by moto then cut off. */
	history(): {action: string; outcome: 'forwarded' | 'dropped-after-processing'}[];
	stop(): Promise<void>;
}

export interface AfterEffectOptions {
	/** How many requests for the action are cut off (default 1). */
	count?: number;
	/** Runs after moto answered a request that is cut off, before the cut. */
	inWindow?: () => Promise<void>;
}

/** Forwards everything to moto; the first `count` requests for `action` are processed, then the connection is cut. */
export const dropAnswerAfterProcessing = async (target: string, action: string, options: AfterEffectOptions = {}): Promise<AfterEffectProxy> => {
	const upstream = new URL(target);
	const events: {action: string; outcome: 'forwarded' | 'dropped-after-processing'}[] = [];
	let left = options.count ?? 1;
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			const name = new URLSearchParams(body.toString('utf8')).get('Action') ?? '(none)';
			const cut = name === action && left > 0;
			if (cut) left--;
			events.push({action: name, outcome: cut ? 'dropped-after-processing' : 'forwarded'});
			const forward = http.request(
				{host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: request.headers},
				answer => {
					if (!cut) {
						response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
						answer.pipe(response);
						return;
					}
					// moto has answered, so it has acted; the client never hears of it.
					answer.resume();
					answer.on('end', () => {
						const hook = options.inWindow?.() ?? Promise.resolve();
						void hook.finally(() => request.socket.destroy());
					});
				},
			);
			forward.on('error', () => request.socket.destroy());
			forward.end(body);
		});
	});
	const {endpoint, stop} = await listen(server);
	return {endpoint, history: () => events.map(event => ({...event})), stop};
};

/** Listens on a free loopback port; stop() closes every open connection too. */
export const listen = async (server: http.Server): Promise<{endpoint: string; stop: () => Promise<void>}> => {
	const sockets = new Set<Socket>();
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	return {
		endpoint: `http://127.0.0.1:${port}`,
		stop: () =>
			new Promise<void>(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
};
