// A policy who-can could not evaluate, with whom it reaches: they may be able to do more, or less, than the
// answer says, so they are named (the first few of a group's many members, then how many more).
import type {PolicyProblem} from './types.js';

/** Users named before a count. */
const NAMED = 10;

export const unevaluatedText = (problem: PolicyProblem & {users: string[]; groups: string[]}): string => {
	const users = problem.users.length > NAMED ? [...problem.users.slice(0, NAMED), `${problem.users.length - NAMED} more users`] : problem.users;
	const who = [...users, ...problem.groups.map(g => `group ${g}`)].join(', ');
	return `${problem.source.name}: ${problem.reason}${who ? ` — reaches ${who}` : ''}`;
};
