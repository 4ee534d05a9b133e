// Who-can on the bench's account built in memory (plan-snapshot.ts, no moto): for profiling and quick
// before/after comparisons. Each action in a fresh process, as headless `iamtui who-can` runs it:
//   npx tsx scripts/bench/who-can-offline.ts [--users N --groups N --policies N --roles N] [--action A]
// With --action: that one query, cold then warm, printed as JSON (run it under node --cpu-prof to see
// where the time goes). Without: every bench action, each in its own child process.
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {buildAccessModel, whoCan} from '../../source/model/access.js';
import {buildIndex} from '../../source/model/indexes.js';
import {FULL_SCALE, planAccount, type Scale} from './plan.js';
import {planSnapshot} from './plan-snapshot.js';
import {median} from './pool.js';
import {WHO_CAN_ACTIONS} from './who-can.js';

const {values} = parseArgs({options: {users: {type: 'string'}, groups: {type: 'string'}, policies: {type: 'string'}, roles: {type: 'string'}, action: {type: 'string'}}});
const size = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number.parseInt(value, 10));
const scale: Scale = {
	users: size(values.users, FULL_SCALE.users),
	groups: size(values.groups, FULL_SCALE.groups),
	policies: size(values.policies, FULL_SCALE.policies),
	roles: size(values.roles, FULL_SCALE.roles ?? 0),
};

const one = async (action: string) => {
	const index = buildIndex(planSnapshot(planAccount(scale)));
	const model = buildAccessModel(index);
	const started = performance.now();
	const answer = await whoCan(model, action);
	const coldMs = performance.now() - started;
	if (!answer.ok) throw new Error(answer.message);
	const warm: number[] = [];
	for (let n = 0; n < 3; n++) {
		const again = performance.now();
		await whoCan(model, action);
		warm.push(performance.now() - again);
	}
	const throughRoles = answer.users.filter(u => Object.hasOwn(u, 'throughRoles')).length;
	return {action, coldMs: Math.round(coldMs), warmMs: Math.round(median(warm)), users: answer.users.length, groups: answer.groups.length, roles: answer.roles.length, throughRoles};
};

if (values.action) process.stdout.write(`${JSON.stringify(await one(values.action))}\n`);
else {
	const script = fileURLToPath(import.meta.url);
	const sizes = Object.entries(scale).flatMap(([key, value]) => [`--${key}`, String(value)]);
	for (const action of WHO_CAN_ACTIONS) {
		process.stdout.write(execFileSync(process.execPath, ['--import', 'tsx', script, ...sizes, '--action', action], {encoding: 'utf8'}));
	}
}
