// The same per-user work with `aws iam` commands, as a shell loop would do it (one after another),
// for a SAMPLE of users and groups; the cost of the whole account is EXTRAPOLATED from it.
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import type {Moto} from '../../test/helpers/moto.js';
import {countedByMoto} from './snapshot.js';

const run = promisify(execFile);

export interface AwsCliResult {
	sampleUsers: string[];
	sampleGroups: string[];
	/** Measured: list-users + list-groups, once each. */
	listMs: number;
	listCalls: number;
	/** Measured: the three commands for one user, mean over the sample. */
	perUserMs: number;
	perUserCalls: number;
	/** Measured: the two commands for one group, mean over the sample. */
	perGroupMs: number;
	perGroupCalls: number;
	/** EXTRAPOLATED to every user and group of the account. */
	extrapolatedMs: number;
	extrapolatedCalls: number;
}

/** Every `step`-th item, `count` of them, spread over the list. */
const spread = <T>(items: T[], count: number): T[] => {
	const step = Math.max(1, Math.floor(items.length / count));
	return items.filter((_, n) => n % step === 0).slice(0, count);
};

export const awsCliBaseline = async (
	moto: Moto,
	env: NodeJS.ProcessEnv,
	account: {users: string[]; groups: string[]},
	sample: {users: number; groups: number},
): Promise<AwsCliResult> => {
	const aws = async (...args: string[]) => {
		await run('aws', ['iam', ...args, '--endpoint-url', moto.endpoint, '--output', 'json'], {env, maxBuffer: 256 * 1024 * 1024});
	};
	const measure = async (commands: string[][]) =>
		countedByMoto(moto, async () => {
			const started = performance.now();
			for (const args of commands) await aws(...args);
			return performance.now() - started;
		});

	const lists = await measure([['list-users'], ['list-groups']]);
	const sampleUsers = spread(account.users, sample.users);
	const users = await measure(
		sampleUsers.flatMap(u => [
			['list-groups-for-user', '--user-name', u],
			['list-attached-user-policies', '--user-name', u],
			['list-user-policies', '--user-name', u],
		]),
	);
	const sampleGroups = spread(account.groups, sample.groups);
	const groups = await measure(
		sampleGroups.flatMap(g => [
			['list-attached-group-policies', '--group-name', g],
			['list-group-policies', '--group-name', g],
		]),
	);
	const perUserMs = users.value / sampleUsers.length;
	const perGroupMs = groups.value / sampleGroups.length;
	const perUserCalls = users.calls / sampleUsers.length;
	const perGroupCalls = groups.calls / sampleGroups.length;
	return {
		sampleUsers,
		sampleGroups,
		listMs: lists.value,
		listCalls: lists.calls,
		perUserMs,
		perUserCalls,
		perGroupMs,
		perGroupCalls,
		extrapolatedMs: lists.value + perUserMs * account.users.length + perGroupMs * account.groups.length,
		extrapolatedCalls: Math.round(lists.calls + perUserCalls * account.users.length + perGroupCalls * account.groups.length),
	};
};
