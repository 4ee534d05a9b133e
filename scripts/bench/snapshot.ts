// iamtui's snapshot through its own gateway (GetAccountAuthorizationDetails pages + the credential
// report), timed in-process and counted by moto's request log.
import {createGateway} from '../../source/aws/gateway.js';
import type {AccountSnapshot} from '../../source/model/snapshot.js';
import type {Moto} from '../../test/helpers/moto.js';
import {sleep} from './pool.js';

export interface SnapshotResult {
	calls: number;
	elapsedMs: number;
	users: number;
	groups: number;
	policies: number;
	roles: number;
	/** Users, groups, customer managed policies and roles: what GAAD pages over. */
	entities: number;
	pages: number;
	credentialReport: string;
}

/** moto logs each request after answering it: wait until the count stops moving. */
export const settledCount = async (moto: Moto): Promise<number> => {
	let last = moto.requestCount();
	for (;;) {
		await sleep(150);
		const now = moto.requestCount();
		if (now === last) return now;
		last = now;
	}
};

/** Counts the requests `work` sends to moto (nothing else may talk to it meanwhile). */
export const countedByMoto = async <T>(moto: Moto, work: () => Promise<T>): Promise<{value: T; calls: number}> => {
	const before = await settledCount(moto);
	const value = await work();
	return {value, calls: (await settledCount(moto)) - before};
};

export const measureSnapshot = async (moto: Moto): Promise<SnapshotResult> => {
	let pages = 0;
	let elapsedMs = 0;
	const {value: snapshot, calls} = await countedByMoto(moto, async () => {
		const started = performance.now();
		const loaded: AccountSnapshot = await createGateway({endpoint: moto.endpoint}).loadSnapshot({onProgress: p => (pages = p.pages)});
		elapsedMs = performance.now() - started;
		return loaded;
	});
	return {
		calls,
		elapsedMs,
		users: snapshot.users.length,
		groups: snapshot.groups.length,
		policies: snapshot.policies.length,
		roles: snapshot.roles?.length ?? 0,
		entities: snapshot.users.length + snapshot.groups.length + snapshot.policies.length + (snapshot.roles?.length ?? 0),
		pages,
		credentialReport: snapshot.credentialReport.status,
	};
};
