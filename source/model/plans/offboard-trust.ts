// Offboarding's trust steps: a trust policy that names the leaver by ARN outlives the user (AWS shows the
// principal as the user's unique id AIDA… once the user is deleted, which nobody can use — not even a new
// user of the same name), so the plan takes the user out of it with UpdateAssumeRolePolicy, the same
// edit as `remove-trust-principal` (role-trust.ts). A trust naming only the user cannot be edited that way
// (IAM requires a statement): it is left as it is and the plan says so.
import {isIamError} from '../errors.js';
import type {OffboardRecord, TrustNaming} from '../offboard/record.js';
import {awsIam} from './aws-cli.js';
import {readTrust, statementWithout, trustsDiff, trustStatements, withoutPrincipal, type TrustEdit} from './role-trust.js';
import {updateTrustStep} from './roles.js';
import type {DiffLine, PlanStep} from './types.js';

export interface TrustChange {
	trust: TrustNaming;
	/** The edited document; absent when the edit is refused (`refusal` says why). */
	edit?: TrustEdit;
	refusal?: string;
	/** The refusal is that the user is the trust's only principal (no statement would be left). */
	only?: boolean;
	/** On a resume: the account's trust no longer names the user (done earlier, or by someone else). */
	gone?: boolean;
}

/**
 * The trusts to edit: on a resume, the ones that name the user now (their current document), and the
 * recorded ones that no longer do, marked gone.
 */
/** Every statement of the trust names the principal and nothing else. */
const onlyPrincipal = (trust: TrustNaming): boolean => {
	try {
		return trustStatements(readTrust(trust.role, trust.document)).statements.every(s => statementWithout(s, trust.principal).kept === undefined);
	} catch {
		return false;
	}
};

export const trustChanges = (record: OffboardRecord, now?: OffboardRecord): TrustChange[] => {
	const live = now ? (now.trustPolicies ?? []) : (record.trustPolicies ?? []);
	const liveRoles = new Set(live.map(t => t.role));
	const gone = now ? (record.trustPolicies ?? []).filter(t => !liveRoles.has(t.role)).map(trust => ({trust, gone: true})) : [];
	return [
		...live.map(trust => {
			try {
				return {trust, edit: withoutPrincipal(trust.role, trust.document, trust.principal)};
			} catch (error) {
				return {trust, refusal: isIamError(error) ? error.message : String(error), only: onlyPrincipal(trust)};
			}
		}),
		...gone,
	];
};

const userOf = (record: OffboardRecord) => record.user.name;

/** One UpdateAssumeRolePolicy step per editable trust (gone ones too, as "already done" noops). */
export const trustSteps = (record: OffboardRecord, changes: TrustChange[]): PlanStep[] =>
	changes.flatMap(change => {
		const description = `Take ${userOf(record)} out of the trust policy of role ${change.trust.role}`;
		if (change.gone) return [{...updateTrustStep(change.trust.role, change.trust.document, description), noop: `the trust no longer names ${userOf(record)}`}];
		return change.edit ? [updateTrustStep(change.trust.role, change.edit.document, description)] : [];
	});

/** What the operator reads about each trust: what the edit removes, or why the trust is left. */
export const trustNotes = (record: OffboardRecord, changes: TrustChange[], keepUser: boolean): string[] => {
	const user = userOf(record);
	return changes.flatMap(({trust, edit, refusal, only}) => {
		if (edit)
			return [
				`role ${trust.role} names ${user} in its trust policy: ${user} is taken out (${edit.removedStatements.length > 0 ? `${edit.removedStatements.join(', ')} named only ${user} and is removed whole` : 'the other principals stay'}). Left in, it would name a dangling unique id (AIDA…) once ${user} is deleted. The record keeps the original document for \`iamtui restore\`.`,
			];
		if (!refusal) return [];
		const after = keepUser
			? `${user} is kept without any credential, so nobody can use it`
			: `Once ${user} is deleted, AWS shows that principal as its unique id (AIDA…), which nobody can use, not even a new user named ${user}`;
		return [
			`role ${trust.role}: trust NOT changed — ${only ? `${user} is its only principal, and IAM refuses a trust policy with no statement` : refusal}. ${after}; if nobody needs the role, delete it: ${awsIam('delete-role', {'role-name': trust.role})} (after its policies and instance profiles are removed).`,
		];
	});
};

/** The trust documents before and after, one after another (a plan has one diff). */
export const trustDiff = (record: OffboardRecord, changes: TrustChange[]): {title: string; lines: DiffLine[]} | undefined =>
	trustsDiff(
		`Trust policies naming ${userOf(record)} (- before, + after)`,
		changes.flatMap(c => (c.edit ? [{role: c.trust.role, before: c.trust.document, after: c.edit.document}] : [])),
	);
