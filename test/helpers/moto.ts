// moto_server (the local AWS emulator) for tests, the demo and the bench: one process per caller on a
// free loopback port, reset between tests, stopped on every exit path. No vitest import here: the demo
// and the bench load this file outside vitest (describeWithMoto lives in with-moto.ts).
import {spawn, type ChildProcess} from 'node:child_process';
import net from 'node:net';
import {setTimeout as sleep} from 'node:timers/promises';

export interface MotoOptions {
	/** MOTO_IAM_LOAD_MANAGED_POLICIES=true: the ~1,500 AWS managed policies exist (ReadOnlyAccess …). */
	loadManagedPolicies?: boolean;
	/** How long to wait for the server to answer. Default 30 s. */
	startTimeoutMs?: number;
}

export interface Moto {
	endpoint: string;
	port: number;
	/** POST /moto-api/reset: every service back to empty. */
	reset(): Promise<void>;
	/** Stops the server and waits for it to exit. Safe to call twice. */
	stop(): Promise<void>;
	/**
	 * Turns moto's IAM authorization on (requests are checked against the caller's policies, as AWS
	 * does) or off (the default: everything allowed). Not undone by reset().
	 */
	setAuthorization(enabled: boolean): Promise<void>;
	/** AWS API requests moto has logged so far (not /moto-api/ calls); best effort, from its request log. */
	requestCount(): number;
}

const HOST = '127.0.0.1';

/** A port the OS says is free now (listen on 0, read it, close). */
export const freePort = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, HOST, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
		});
	});

/** True when `moto_server` runs on this machine. */
export const motoAvailable = (): Promise<boolean> =>
	new Promise(resolve => {
		const child = spawn('moto_server', ['--help'], {stdio: 'ignore'});
		child.on('error', () => resolve(false));
		child.on('exit', code => resolve(code === 0));
	});

const answers = async (endpoint: string): Promise<boolean> => {
	try {
		const response = await fetch(`${endpoint}/moto-api/config`, {signal: AbortSignal.timeout(1_000)});
		await response.arrayBuffer();
		return response.status < 500;
	} catch {
		return false;
	}
};

const exited = (child: ChildProcess): Promise<void> =>
	child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise(resolve => child.once('exit', () => resolve()));

const startOnce = async (options: MotoOptions): Promise<Moto | undefined> => {
	const port = await freePort();
	const endpoint = `http://${HOST}:${port}`;
	const env: NodeJS.ProcessEnv = {...process.env, PYTHONUNBUFFERED: '1'};
	if (options.loadManagedPolicies) env.MOTO_IAM_LOAD_MANAGED_POLICIES = 'true';
	else delete env.MOTO_IAM_LOAD_MANAGED_POLICIES;
	const child = spawn('moto_server', ['-H', HOST, '-p', String(port)], {env, stdio: ['ignore', 'ignore', 'pipe']});

	let requests = 0;
	let log = '';
	child.stderr!.setEncoding('utf8');
	child.stderr!.on('data', (chunk: string) => {
		log = (log + chunk).slice(-4_000);
		// werkzeug logs one line per request: "POST / HTTP/1.1" 200 -
		for (const match of chunk.matchAll(/"(?:GET|POST|PUT|DELETE|HEAD) (\S+) HTTP\/[\d.]+"/g)) {
			if (!match[1]!.startsWith('/moto-api')) requests++;
		}
	});
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);

	const stop = async () => {
		process.removeListener('exit', killOnExit);
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			// Bounded: if it ignores SIGTERM for 5 s, it is killed.
			const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited(child);
			clearTimeout(timer);
		}
	};

	const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
	let pause = 50;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) break;
		if (await answers(endpoint)) {
			return {
				endpoint,
				port,
				stop,
				requestCount: () => requests,
				async setAuthorization(enabled: boolean) {
					const response = await fetch(`${endpoint}/moto-api/reset-auth`, {method: 'POST', body: enabled ? '0' : 'inf'});
					await response.arrayBuffer();
					if (!response.ok) throw new Error(`moto reset-auth failed: HTTP ${response.status}`);
				},
				async reset() {
					const response = await fetch(`${endpoint}/moto-api/reset`, {method: 'POST'});
					await response.arrayBuffer();
					if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
				},
			};
		}
		await sleep(pause);
		pause = Math.min(pause * 2, 500);
	}
	const early = child.exitCode !== null;
	await stop();
	// A port taken between freePort() and the spawn: the caller tries another one.
	if (early && /address already in use/i.test(log)) return undefined;
	throw new Error(`moto_server did not answer on ${endpoint}${early ? ` (exited with ${child.exitCode})` : ''}: ${log.trim().split('\n').slice(-3).join(' | ')}`);
};

/** Starts moto_server on a free loopback port and waits (bounded) until it answers. */
export const startMoto = async (options: MotoOptions = {}): Promise<Moto> => {
	for (let attempt = 0; attempt < 3; attempt++) {
		const moto = await startOnce(options);
		if (moto) return moto;
	}
	throw new Error('moto_server could not get a free port after 3 attempts');
};

/** CI and our machines have moto: there, a missing moto_server is a failure, not a skip. */
export const motoRequired = (env: NodeJS.ProcessEnv = process.env): boolean =>
	env.IAMTUI_REQUIRE_MOTO === '1' || env.CI === 'true';
