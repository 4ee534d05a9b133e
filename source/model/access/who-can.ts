// "Who can do ACTION (on RESOURCE)?" over the whole snapshot. Fast because principals whose policies
// matching the action are the same share one evaluation, and those with no matching Allow skip it.
import type {SnapshotIndex} from '../indexes.js';
import {accessError, resolveActions} from './catalogue.js';
import type {EvalAnswer} from './evaluator.js';
import {checkResource, conditionsShown, fromFailure} from './explain.js';
import {evaluatePrincipal, principalFor, relevantSet, statementRefs, toModel, type AccessModel, type Principal} from './model.js';
import type {WhoCanAnswer, WhoCanEntry, WhoCanResult} from './types.js';

type Outcome = EvalAnswer & {action: string};

const entryFor = (principal: Principal, outcomes: Outcome[]): WhoCanEntry | undefined => {
	const granted = outcomes.filter(o => o.decision === 'Allowed' || o.decision === 'Conditional');
	if (granted.length === 0) return undefined;
	const via = granted.flatMap(o =>
		o.statements
			.filter(s => s.effect === 'Allow')
			.flatMap(s => statementRefs(principal, s).map(statement => ({action: o.action, statement}))),
	);
	return {
		kind: principal.kind,
		name: principal.name,
		arn: principal.arn,
		decision: granted.some(o => o.decision === 'Allowed') ? 'Allowed' : 'Conditional',
		via,
		actions: granted.map(o => o.action),
		conditions: granted.flatMap(o => conditionsShown(principal, o.conditions)),
		incomplete: principal.problems.length > 0,
	};
};

interface Cohort {
	principal: Principal;
	members: Array<{name: string; arn: string}>;
}

// Users with the same groups, attachments and boundary (and no inline policy of their own) have
// the same answer and the same paths: build and evaluate one of them, copy the result to the rest.
const cohortsOf = (model: AccessModel): Cohort[] => {
	const cohorts: Cohort[] = [];
	const byShape = new Map<string, Cohort>();
	for (const user of model.index.snapshot.users) {
		const shape = user.inlinePolicies.length > 0 ? undefined : `${user.groups.join('\n')}|${user.attachedPolicies.map(p => p.arn).join('\n')}|${user.permissionsBoundaryArn ?? ''}`;
		const known = shape === undefined ? undefined : byShape.get(shape);
		if (known && !known.principal.personal) {
			known.members.push(user);
			continue;
		}
		const cohort = {principal: principalFor(model, 'user', user.name)!, members: [user]};
		cohorts.push(cohort);
		if (shape !== undefined && !known) byShape.set(shape, cohort);
	}
	for (const group of model.index.snapshot.groups) cohorts.push({principal: principalFor(model, 'group', group.name)!, members: [group]});
	return cohorts;
};

const problemsOf = (cohorts: Cohort[]): WhoCanAnswer['couldNotEvaluate'] => {
	const byPolicy = new Map<string, WhoCanAnswer['couldNotEvaluate'][number]>();
	for (const {principal, members} of cohorts) {
		for (const problem of principal.problems) {
			const key = `${problem.source.kind}|${problem.source.arn ?? ''}|${problem.source.viaGroup ?? ''}|${problem.source.name}`;
			let entry = byPolicy.get(key);
			if (!entry) byPolicy.set(key, (entry = {...problem, users: [], groups: []}));
			(principal.kind === 'user' ? entry.users : entry.groups).push(...members.map(m => m.name));
		}
	}
	return [...byPolicy.values()];
};

/** Every user and group that is Allowed or Conditional for the action (wildcards expanded). */
export const whoCan = async (source: SnapshotIndex | AccessModel, action: string, resource = '*'): Promise<WhoCanResult> => {
	const model = toModel(source);
	const badResource = checkResource(resource);
	if (badResource) return badResource;
	const resolved = await resolveActions(action);
	if (!resolved.ok) return resolved;

	const cohorts = cohortsOf(model);
	// One representative per distinct policy set: that is all the simulator sees.
	const bySet = new Map<string, Principal>();
	for (const {principal} of cohorts) if (!bySet.has(principal.setKey)) bySet.set(principal.setKey, principal);

	const notes: string[] = [];
	const outcomes = new Map<string, Outcome[]>();
	let answered = 0;
	let firstFailure: WhoCanResult | undefined;
	for (const wanted of resolved.actions) {
		const jobs = [...bySet.values()].flatMap(p => {
			const set = relevantSet(p, wanted, resource);
			return set.mayAllow ? [evaluatePrincipal(model, p, wanted, resource, set).then(result => ({setKey: p.setKey, result}))] : [];
		});
		let failed: string | undefined;
		let succeeded = 0;
		for (const {setKey, result} of await Promise.all(jobs)) {
			if (!result.ok) {
				failed ??= result.message;
				firstFailure ??= fromFailure(result);
				continue;
			}
			let list = outcomes.get(setKey);
			if (!list) outcomes.set(setKey, (list = []));
			list.push({...result, action: wanted});
			succeeded++;
			for (const note of result.notes) if (!notes.includes(note)) notes.push(note);
		}
		if (failed) notes.push(`${succeeded > 0 ? 'partly evaluated' : 'skipped'} ${wanted}: ${failed}`);
		if (succeeded > 0 || !failed) answered++;
	}
	if (answered === 0 && firstFailure) return firstFailure;
	if (answered === 0) return accessError('evaluation-failed', `nothing could be evaluated for ${action}`);

	const users: WhoCanEntry[] = [];
	const groups: WhoCanEntry[] = [];
	for (const {principal, members} of cohorts) {
		const entry = entryFor(principal, outcomes.get(principal.setKey) ?? []);
		if (!entry) continue;
		const list = principal.kind === 'user' ? users : groups;
		for (const member of members) list.push({...entry, name: member.name, arn: member.arn});
	}
	const byName = (a: WhoCanEntry, b: WhoCanEntry) => a.name.localeCompare(b.name);
	return {
		ok: true,
		actions: resolved.actions,
		resource,
		users: users.sort(byName),
		groups: groups.sort(byName),
		couldNotEvaluate: problemsOf(cohorts),
		notes,
	};
};
