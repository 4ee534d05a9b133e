// Who-can's evaluations. Per action class, one evaluation set per distinct (statements held that can
// match, boundary, and when facts matter the principal — or only its values of the facts read, as
// tags): a simulation per action of the class, memoised in the model. The simulator is given the held statements as one-statement policies, so principals
// holding the same statements through different policies share the set.
import {evaluate, type EvalAnswer, type EvalFailure, type EvalPolicy} from './evaluator.js';
import type {Holder, HolderIndex, UserHolder} from './holders.js';
import {evaluatePrincipal, principalFor, type AccessModel, type Principal} from './model.js';
import {userFacts} from './principal-facts.js';
import {statementsAnswer} from './shared-knowledge.js';
import {preparedStatement} from './statements.js';
import {classKey, idsOfKey, isUser, type ActionClass, type ClassKey} from './who-can-classes.js';

export type Settled = EvalAnswer | EvalFailure;

export interface EvalSet {
	/** Position in the list evaluationSets returns. */
	index: number;
	classIndex: number;
	/** Aligned with the class's actions. */
	evaluations: Array<Promise<Settled>>;
	/** Set when a statement could not be given to the simulator alone: this principal's whole policies were. */
	whole?: Principal;
}

interface KeyInfo {
	ids: number[];
	/** Null when the simulator refuses one of the statements on its own (never seen so far). */
	policies: EvalPolicy[] | null;
	/** Some held statement that can match is an Allow: else nothing can be granted. */
	allows: boolean;
	/**
	 * What the held statements that can match read of the principal: nothing; only the user's name or
	 * id inside their resources; or more (tags, conditions…), which makes the answer the principal's own.
	 */
	facts: 'none' | 'name' | 'other';
	/** The principal facts the held statements that can match name (lower-cased). */
	factKeys: string[];
}

export interface Sets {
	sets: EvalSet[];
	/** Per principal, per class: its set (undefined when nothing can be granted). */
	setsOf: Map<Holder, Array<EvalSet | undefined>>;
}

/** Facts whose value is the user's alone: statements naming them are simulated user by user. */
const OWN_FACTS = new Set(['aws:username', 'aws:userid', 'aws:principalarn']);

/** The user's values of the facts named (a tag named in any case: every spelling the user has). */
const factValues = (model: AccessModel, user: UserHolder['user'], keys: string[]): string => {
	const facts = Object.entries(userFacts(model, user));
	return JSON.stringify(keys.map(key => facts.filter(([name]) => name.toLowerCase() === key)));
};

/** Whose answer a principal's is, beyond its statements: '' anyone's, a kind's, its facts', or its own ('kind:name'). */
const whoseAnswer = (model: AccessModel, principal: Holder, info: KeyInfo, resource: string): string => {
	if (info.facts === 'none') return '';
	const own = `${principal.kind}:${principal.name}`;
	if (info.facts === 'other') {
		// The simulator reads nothing of the user but the facts named: users with the same values of
		// them (a team tag, say) get the same answer, simulated once.
		if (!isUser(principal) || info.factKeys.some(key => OWN_FACTS.has(key))) return own;
		return `facts:${factValues(model, principal.user, info.factKeys)}`;
	}
	// Only ${aws:username}/${aws:userid} in resources. Asked about "*", every user's name gives patterns of
	// the same resources (names and ids hold no wildcard, "/" or ":"); asked about one resource, a user
	// whose name and id it does not contain matches no pattern with them in, like every other such user.
	// Groups have no name: all alike.
	if (!isUser(principal) || resource === '*') return principal.kind;
	const text = resource.toLowerCase();
	return text.includes(principal.user.name.toLowerCase()) || text.includes(principal.user.id.toLowerCase()) ? own : 'user';
};

export const evaluationSets = (model: AccessModel, index: HolderIndex, classes: ActionClass[], resource: string): Sets => {
	const sets: EvalSet[] = [];
	const setsOf = new Map<Holder, Array<EvalSet | undefined>>();
	const infos = classes.map(() => new Map<ClassKey, KeyInfo>());
	const plainSets = classes.map(() => new Map<ClassKey, EvalSet>());
	const otherSets = new Map<string, EvalSet>();

	const infoOf = (key: ClassKey, n: number): KeyInfo => {
		let info = infos[n]!.get(key);
		if (!info) {
			const ids = idsOfKey(key, classes[n]!);
			const statements = ids.map(id => index.catalogue.all[id]!);
			const policies = statements.map(preparedStatement);
			info = {
				ids,
				policies: policies.some(p => p === null) ? null : (policies as EvalPolicy[]),
				allows: statements.some(s => s.effect === 'Allow'),
				facts: !statements.some(s => s.usesFacts) ? 'none' : statements.every(s => !s.usesFacts || s.nameInResourceOnly) ? 'name' : 'other',
				factKeys: [...new Set(statements.flatMap(s => s.factKeys))],
			};
			infos[n]!.set(key, info);
		}
		return info;
	};

	const newSet = (n: number, evaluations: Array<Promise<Settled>>, whole?: Principal): EvalSet => {
		const set: EvalSet = {index: sets.length, classIndex: n, evaluations, ...(whole ? {whole} : {})};
		sets.push(set);
		return set;
	};

	const setFor = (principal: Holder, n: number): EvalSet | undefined => {
		const actionClass = classes[n]!;
		const key = classKey(principal, actionClass);
		const info = infoOf(key, n);
		const boundary = isUser(principal) ? principal.boundary : undefined;
		if (!info.allows || (boundary && !boundary.statements.some(s => s.effect === 'Allow' && actionClass.matching.has(s.id)))) return undefined;
		if (!info.policies) {
			const whole = principalFor(model, principal.kind, principal.name)!;
			return newSet(n, actionClass.actions.map(action => evaluatePrincipal(model, whole, action, resource)), whole);
		}
		const who = boundary?.entry.usesFacts ? `${principal.kind}:${principal.name}` : whoseAnswer(model, principal, info, resource);
		const plain = !boundary && who === '';
		const setKey = plain ? undefined : `${n}|${key}|${boundary?.entry.id ?? ''}|${who}`;
		const known = plain ? plainSets[n]!.get(key) : otherSets.get(setKey!);
		if (known) return known;
		// Plain sets' answers are kept by statementsAnswer; the others here, under this prefix.
		const memoPrefix = plain ? '' : `statements:${info.ids.join(',')}|${boundary?.entry.id ?? ''}|${who}`;
		const policies = info.policies;
		const set = newSet(
			n,
			actionClass.actions.map(action => {
				// Nothing of the principal read: the statements' answer, shared by every model that shares them.
				if (plain) return statementsAnswer(model, info.ids, policies, principal.arn, action, resource);
				const memoKey = `${memoPrefix}|${action}|${resource}`;
				let evaluation = model.memo.get(memoKey);
				if (!evaluation) {
					evaluation = evaluate({
						principalArn: principal.arn,
						accountId: model.accountId,
						action,
						resource,
						policies,
						...(boundary?.entry.evalPolicy ? {boundary: boundary.entry.evalPolicy} : {}),
						...(isUser(principal) ? {principalFacts: userFacts(model, principal.user)} : {}),
						...(model.context ? {context: model.context} : {}),
					});
					model.memo.set(memoKey, evaluation);
				}
				return evaluation;
			}),
		);
		if (plain) plainSets[n]!.set(key, set);
		else otherSets.set(setKey!, set);
		return set;
	};

	for (const principal of [...index.users, ...index.groups]) setsOf.set(principal, classes.map((_, n) => setFor(principal, n)));
	return {sets, setsOf};
};
