// The reference who-can implementations in the tests list (action, path) pairs, one per action as the
// simulator answers; the model lists each path once with its actions. Grouped here independently of
// source/model/access/grant-paths.ts: by the whole path written out, actions in the order given.
import type {GrantPath, StatementRef} from '../../source/model/access.js';

export const groupedPaths = (pairs: Array<{action: string; statement: StatementRef}>): GrantPath[] => {
	const byPath = new Map<string, GrantPath>();
	for (const {action, statement} of pairs) {
		const key = JSON.stringify(statement);
		const known = byPath.get(key);
		if (!known) byPath.set(key, {statement, actions: [action]});
		else if (!known.actions.includes(action)) known.actions.push(action);
	}
	return [...byPath.values()];
};
