// Taking back an interrupted plan (journal-plans.ts): the inverse of every step that landed or may have
// landed, newest first. A step whose outcome the journal lacks is judged by what IAM holds now, and only
// what the evidence proves the plan made is taken back: an entity created after the step's intent was
// written (within the clocks' margin). A new key whose secret was never shown is deleted; a console
// password nobody was shown is removed. When the evidence cannot tell — two keys appeared — nothing is
// touched and the ids are named for the operator. Identity Center's removals (offboarding a person
// everywhere) are never given back either: the operator is told to finish the run with offboard-everywhere.
import type {AppliedChange, Plan, PlanStep, StepOperation} from './types.js';
import {isIdentityCenterOperation, type JournaledStep, type UnfinishedPlan} from './journal-plans.js';
import {deleteAccessKeyStep, deleteLoginProfileStep, deleteUserStep, removeFromGroupStep} from './steps.js';
import {inverseOf} from './undo.js';

/** What IAM holds now for one user the plan touched (read by the command, judged here). */
export interface UserEvidence {
	/** Null when the user does not exist. */
	createDate: string | null;
	groups: string[];
	loginProfile: {createDate: string} | null;
	accessKeys: {accessKeyId: string; createDate: string}[];
}

export type TakeBackEvidence = Map<string, UserEvidence>;

/** Identity Center user ids → user names, from the records of offboarding people everywhere: who a plan's IC steps were about. */
export type IcPeople = ReadonlyMap<string, string>;

export interface TakeBack {
	/** The steps, newest first; absent when nothing is left to take back. */
	plan?: Plan;
	/** What was not taken back, and why (someone else's, or not provable). */
	cannot: string[];
}

/** The clocks of this machine and IAM may differ a little, and IAM's dates have whole seconds. */
export const CLOCK_MARGIN_MS = 5_000;

const madeSince = (createDate: string, sentAt: string): boolean => Date.parse(createDate) >= Date.parse(sentAt) - CLOCK_MARGIN_MS;

/** iam:AttachUserPolicy → attachUserPolicy (MFA and SSH as the gateway spells them). */
const writeName = (operation: string): string => {
	const name = operation.replace(/^iam:/, '').replace('MFA', 'Mfa').replace('SSH', 'Ssh');
	return name.charAt(0).toLowerCase() + name.slice(1);
};

/**
 * Done grants whose journal target says all their inverse needs. Removals are never reversed: a take-back
 * gives no access back on its own (an interrupted offboarding is finished by running it again).
 */
const FROM_TARGET = new Set(['createGroup', 'createPolicy', 'uploadSigningCertificate', 'attachUserPolicy', 'attachGroupPolicy']);
const REMOVAL = /^(delete|remove|detach|deactivate)/;

const describe = (step: JournaledStep): string =>
	`${step.operation}${Object.entries(step.target)
		.map(([field, value]) => ` ${field} ${value}`)
		.join(',')}`;

type Verdict = PlanStep | {cannot: string} | undefined;

/** The Identity Center steps about one person: removals made while offboarding them everywhere, finished by running that again. */
const identityCenterLine = (principalId: string | undefined, steps: JournaledStep[], people: IcPeople): string => {
	const name = principalId ? people.get(principalId) : undefined;
	const whose = name ? '' : ` (Identity Center user id ${principalId ?? 'unknown'}; iamtui records names the person)`;
	const each = steps.map(step => `${describe(step)} (${step.state === 'done' ? 'made' : 'the journal does not say whether it landed'})`).join('; ');
	// What to do first: a screen's one line keeps its start.
	return `Identity Center removals of offboarding ${name ?? 'a person'} everywhere: iamtui gives no access back; finish with iamtui offboard-everywhere ${name ?? 'PERSON'}${whose} (X on the person in the TUI), which reads Identity Center now and does only what is left — ${each}`;
};

const reasoned = (step: PlanStep, why: string): PlanStep => ({...step, description: `${step.description} (${why})`});

/** One step, judged against what its user holds now; undefined when there is nothing to take back. */
const verdictFor = (step: JournaledStep, evidence: TakeBackEvidence, claimedKeys: Set<string>): Verdict => {
	const name = writeName(step.operation);
	const {user} = step.target;
	const held = user ? evidence.get(user) : undefined;
	const sure = step.state === 'done';
	const unknown = `${describe(step)}: the journal does not say whether it landed; look at it and take it back by hand if it did`;
	switch (name) {
		case 'createUser': {
			if (!user || !held?.createDate) return undefined;
			if (!sure && !madeSince(held.createDate, step.sentAt)) return {cannot: `user ${user} existed before the plan (created ${held.createDate}): not deleted`};
			return deleteUserStep(user);
		}
		case 'createLoginProfile': {
			if (!user || !held?.loginProfile) return undefined;
			if (!sure && !madeSince(held.loginProfile.createDate, step.sentAt)) return {cannot: `the console password of ${user} is older than the plan: not removed`};
			return reasoned(deleteLoginProfileStep(user), 'nobody was shown the password it set');
		}
		case 'createAccessKey': {
			if (!user || !held) return undefined;
			if (sure) {
				const id = step.target.accessKeyId;
				return id && held.accessKeys.some(k => k.accessKeyId === id) ? reasoned(deleteAccessKeyStep(user, id), 'its secret was never shown') : undefined;
			}
			const candidates = held.accessKeys.filter(k => !claimedKeys.has(k.accessKeyId) && madeSince(k.createDate, step.sentAt));
			if (candidates.length === 0) return undefined;
			if (candidates.length > 1)
				return {cannot: `access keys ${candidates.map(k => k.accessKeyId).join(', ')} of ${user} were all created after the plan's request: one may be someone else's, so none was deleted — delete the one nobody holds the secret of`};
			return reasoned(deleteAccessKeyStep(user, candidates[0]!.accessKeyId), 'made by the interrupted request; its secret was never shown');
		}
		case 'addUserToGroup': {
			const {group} = step.target;
			if (!user || !group || !held?.groups.includes(group)) return undefined;
			return removeFromGroupStep(user, group);
		}
		default: {
			if (REMOVAL.test(name)) return {cannot: `${describe(step)}: a removal; iamtui gives no access back on its own (an interrupted offboarding is finished with iamtui offboard USER)`};
			if (!sure) return {cannot: unknown};
			if (!FROM_TARGET.has(name)) return {cannot: `${describe(step)}: iamtui cannot take this back from the journal alone; do it by hand if needed`};
			// The outcome line carries the ids a create returned (a policy's ARN, a certificate's id).
			const {policyArn, certificateId} = step.target;
			const result = {...(policyArn ? {arn: policyArn} : {}), ...(certificateId ? {certificateId} : {})};
			const inverse = inverseOf({operation: name, ...step.target, result} as unknown as AppliedChange, undefined);
			return 'cannot' in inverse ? {cannot: inverse.cannot} : inverse;
		}
	}
};

/** The take-back of an unfinished plan, newest step first, from what IAM holds now; `people` names Identity Center users. */
export const planTakeBack = (unfinished: UnfinishedPlan, evidence: TakeBackEvidence, people: IcPeople = new Map()): TakeBack => {
	const claimedKeys = new Set(unfinished.steps.map(s => s.target.accessKeyId).filter((id): id is string => id !== undefined));
	// A key reconcile already deleted inside a step is not a candidate either.
	for (const step of unfinished.steps) for (const inside of step.inside) if (inside.target.accessKeyId) claimedKeys.add(inside.target.accessKeyId);
	const steps: PlanStep[] = [];
	const cannot: string[] = [];
	// Identity Center's steps are said once per person, after the IAM ones.
	const identityCenter = new Map<string | undefined, JournaledStep[]>();
	for (const step of [...unfinished.steps].reverse()) {
		if (step.state === 'failed') continue;
		if (isIdentityCenterOperation(step.operation)) {
			identityCenter.set(step.target.principalId, [...(identityCenter.get(step.target.principalId) ?? []), step]);
			continue;
		}
		const verdict = verdictFor(step, evidence, claimedKeys);
		if (!verdict) continue;
		if ('cannot' in verdict) cannot.push(verdict.cannot);
		else steps.push(verdict);
	}
	for (const [principalId, icSteps] of identityCenter) cannot.push(identityCenterLine(principalId, icSteps.reverse(), people));
	if (steps.length === 0) return {cannot};
	const deleted = steps.map(s => s.run).find((op): op is Extract<StepOperation, {operation: 'deleteUser'}> => op.operation === 'deleteUser');
	return {
		plan: {
			title: `Take back the interrupted plan ${unfinished.planId} (started ${unfinished.startedAt})`,
			dangerous: true,
			targets: [...new Set(steps.map(s => ('user' in s.run ? s.run.user : undefined)).filter((u): u is string => u !== undefined))].map(name => ({kind: 'user' as const, name})),
			steps,
			previews: [],
			...(deleted ? {confirmName: deleted.user} : {}),
			notes: [
				`Plan ${unfinished.planId} stopped after a request whose outcome was never recorded; this takes back what it did, newest first.`,
				...cannot.map(line => `Not taken back: ${line}`),
			],
		},
		cannot,
	};
};
