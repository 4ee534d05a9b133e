// A loopback HTTP proxy in front of moto that forwards every request untouched and counts them by
// query-protocol Action and by the status moto answered: what a program really sends, retries included.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {assertLoopbackTarget} from '../../test/helpers/fault-proxy.js';

export interface CountedRequest {
	action: string;
	status: number;
}

export interface CountingProxy {
	endpoint: string;
	requests(): CountedRequest[];
	stop(): Promise<void>;
}

const actionOf = (url: string, body: string): string =>
	new URLSearchParams(body).get('Action') ?? new URL(url, 'http://proxy.invalid').searchParams.get('Action') ?? '(none)';

export const startCountingProxy = async (targetUrl: string): Promise<CountingProxy> => {
	const target = assertLoopbackTarget(targetUrl);
	const seen: CountedRequest[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks);
			const counted = !request.url?.startsWith('/moto-api/');
			const upstream = http.request(
				{host: target.hostname, port: target.port || 80, method: request.method, path: request.url, headers: request.headers},
				answer => {
					if (counted) seen.push({action: actionOf(request.url ?? '/', body.toString('utf8')), status: answer.statusCode ?? 0});
					response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
					answer.pipe(response);
				},
			);
			upstream.on('error', error => {
				if (counted) seen.push({action: actionOf(request.url ?? '/', body.toString('utf8')), status: 502});
				if (!response.headersSent) response.writeHead(502, {'content-type': 'text/plain'});
				response.end(`counting proxy: ${error.message}`);
			});
			upstream.end(body);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		endpoint: `http://127.0.0.1:${port}`,
		requests: () => [...seen],
		stop: () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
};
