// Who-can latency over the snapshot: for each action, the first query on a fresh access model (what
// an operator waits for the first time) and warm repeats on the same model (its caches filled).
// Runs in its own child process under a time budget: a query that never ends must not sink the bench.
import {buildAccessModel, prepareWhoCan, whoCan, type WhoCanAnswer} from '../../source/model/access.js';
import {accessStateOf} from '../../source/ui/hooks/access.js';
import type {SnapshotIndex} from '../../source/model/indexes.js';
import {median} from './pool.js';

// The wildcard last: it expands to every lightsail action, the slowest query, and must not starve the rest.
export const WHO_CAN_ACTIONS = ['ec2:TerminateInstances', 's3:GetObject', 'iam:CreateUser', 'sts:AssumeRole', 'lightsail:*'] as const;
const REPEATS = 3;

export interface WhoCanTiming {
	action: string;
	/** First query on a fresh model. Cut off by the budget: the time it had run (a lower bound). Never run: null. */
	coldMs: number | null;
	/** Median of repeats on the same model; null when the first query did not finish. */
	warmMs: number | null;
	users: number | null;
	groups: number | null;
	/** Roles whose own policies grant it. */
	roles?: number | null;
	/** Of `users`, those who reach it (also) through a role. */
	throughRoles?: number | null;
	/** Set when the query did not finish (or never started) within the bench's time budget. */
	timedOut?: boolean;
}

export interface WhoCanResult {
	actions: WhoCanTiming[];
	/** The very first query of the process: also loads the action catalogue. */
	firstInProcessMs: number;
	/** The slowest first query (a lower bound when one timed out). */
	maxColdMs: number;
	maxWarmMs: number;
	timedOut: boolean;
}

const summarise = (actions: WhoCanTiming[]): WhoCanResult => ({
	actions,
	firstInProcessMs: actions[0]?.coldMs ?? Number.NaN,
	maxColdMs: Math.max(...actions.map(a => a.coldMs ?? 0)),
	maxWarmMs: Math.max(...actions.map(a => a.warmMs ?? 0)),
	timedOut: actions.some(a => a.timedOut),
});

/** Who an answer names: users (and of them those through roles), groups, roles. */
export const counted = (answer: WhoCanAnswer) => ({
	users: answer.users.length,
	groups: answer.groups.length,
	roles: answer.roles.length,
	// Paths through roles are built when read: counted without reading them.
	throughRoles: answer.users.filter(u => Object.hasOwn(u, 'throughRoles')).length,
});

/** Runs the five queries; `onAction` sees the timings so far after each one (for a partial result). */
export const measureWhoCan = async (index: SnapshotIndex, onAction: (done: WhoCanTiming[]) => void): Promise<WhoCanResult> => {
	const actions: WhoCanTiming[] = [];
	for (const action of WHO_CAN_ACTIONS) {
		const model = buildAccessModel(index);
		const started = performance.now();
		const answer = await whoCan(model, action);
		const coldMs = performance.now() - started;
		if (!answer.ok) throw new Error(`who-can ${action}: ${answer.message}`);
		const warm: number[] = [];
		for (let n = 0; n < REPEATS; n++) {
			const again = performance.now();
			await whoCan(model, action);
			warm.push(performance.now() - again);
		}
		actions.push({action, coldMs, warmMs: median(warm), ...counted(answer)});
		onAction(actions);
	}
	return summarise(actions);
};

/** Completes a run cut off after `elapsedMs` of queries: the unfinished one ran at least the rest of it. */
export const cutOff = (done: WhoCanTiming[], elapsedMs: number): WhoCanResult => {
	const spent = done.reduce((sum, a) => sum + (a.coldMs ?? 0) + REPEATS * (a.warmMs ?? 0), 0);
	const rest: WhoCanTiming[] = WHO_CAN_ACTIONS.slice(done.length).map((action, n) => ({
		action,
		coldMs: n === 0 ? Math.max(1, elapsedMs - spent) : null,
		warmMs: null,
		users: null,
		groups: null,
		roles: null,
		throughRoles: null,
		timedOut: true,
	}));
	return summarise([...done, ...rest]);
};

export interface PreparedWhoCanResult {
	/** The WhoCan screen's background warm-up (prepareWhoCan), which runs while the operator types. */
	prepareMs: number;
	actions: Array<{action: string; firstMs: number} & ReturnType<typeof counted>>;
	/** The slowest first query of an action on the warmed model: what the operator waits for in the TUI. */
	maxFirstMs: number;
	/** Set when the whole run did not finish within the budget (maxFirstMs is then the budget). */
	timedOut?: boolean;
}

/**
 * Who-can as the TUI runs it, in a fresh process: one access model per snapshot (ui/hooks/access.ts),
 * the admin badges of the Users list computed, the WhoCan screen's warm-up, then each action's first
 * query on that model. Reported beside the fresh-model figures, not instead of them.
 */
export const measureWhoCanPrepared = async (index: SnapshotIndex): Promise<PreparedWhoCanResult> => {
	const access = accessStateOf(index);
	access.adminUsers();
	const started = performance.now();
	await prepareWhoCan(access.model);
	const prepareMs = performance.now() - started;
	const actions: PreparedWhoCanResult['actions'] = [];
	for (const action of WHO_CAN_ACTIONS) {
		const began = performance.now();
		const answer = await whoCan(access.model, action);
		const firstMs = performance.now() - began;
		if (!answer.ok) throw new Error(`who-can ${action}: ${answer.message}`);
		actions.push({action, firstMs, ...counted(answer)});
	}
	return {prepareMs, actions, maxFirstMs: Math.max(...actions.map(a => a.firstMs))};
};
