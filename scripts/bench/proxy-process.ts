// The counting proxy in a process of its own, so the program measured cannot hold up its answers: a
// synchronous stretch in the measured process (parsing a big page) would otherwise delay every other
// request's "round trip" too, which AWS's would not be. Run as a child (--serve) or started from the bench.
import {fork, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {startCountingProxy, type CountedRequest, type CountingProxyOptions} from './counting-proxy.js';

type Ask = {ask: 'requests' | 'clear' | 'stop'; id: number};
type Reply = {id: number; requests?: CountedRequest[]};

export interface ProxyProcess {
	endpoint: string;
	requests(): Promise<CountedRequest[]>;
	clearCount(): Promise<void>;
	stop(): Promise<void>;
}

const serve = async () => {
	const [target, delay, replay] = process.argv.slice(3);
	const proxy = await startCountingProxy(target!, {delayMs: Number(delay), replay: replay === 'replay'});
	process.on('message', (message: Ask) => {
		if (message.ask === 'requests') process.send!({id: message.id, requests: proxy.requests()} satisfies Reply);
		if (message.ask === 'clear') {
			proxy.clearCount();
			process.send!({id: message.id} satisfies Reply);
		}
		if (message.ask === 'stop') void proxy.stop().then(() => process.exit(0));
	});
	process.on('disconnect', () => process.exit(0));
	process.send!({endpoint: proxy.endpoint});
};

/** Starts the proxy in a child process (tsx's loader inherited) and waits until it listens. */
export const startProxyProcess = (target: string, options: CountingProxyOptions = {}): Promise<ProxyProcess> =>
	new Promise((resolve, reject) => {
		const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve', target, String(options.delayMs ?? 0), options.replay ? 'replay' : 'forward'], {stdio: ['ignore', 'inherit', 'inherit', 'ipc']});
		let next = 0;
		const waiting = new Map<number, (reply: Reply) => void>();
		const ask = (what: Ask['ask']) =>
			new Promise<Reply>(done => {
				const id = ++next;
				waiting.set(id, done);
				child.send({ask: what, id} satisfies Ask);
			});
		child.once('error', reject);
		child.once('exit', code => reject(new Error(`the proxy process exited (${code}) before it listened`)));
		child.on('message', (message: Reply | {endpoint: string}) => {
			if ('endpoint' in message) {
				resolve({
					endpoint: message.endpoint,
					requests: async () => (await ask('requests')).requests ?? [],
					clearCount: async () => void (await ask('clear')),
					stop: () =>
						new Promise(done => {
							if (child.exitCode !== null) return done();
							child.once('exit', () => done());
							child.send({ask: 'stop', id: 0} satisfies Ask);
						}),
				});
				return;
			}
			waiting.get(message.id)?.(message);
			waiting.delete(message.id);
		});
	});

if (process.argv[2] === '--serve') void serve();
