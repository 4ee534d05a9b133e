// Taking one principal out of a role's trust policy (UpdateAssumeRolePolicy replaces the whole document,
// so the plan carries the document after the edit and shows it against the one before as a JSON diff).
// A statement left with no principal would trust nobody yet stay in the document: it is removed. A trust
// policy left with no statement is refused: IAM requires one, and a role nobody may assume is a deletion.
import {IamError} from '../errors.js';
import type {SnapshotIndex} from '../indexes.js';
import {parseJsonText} from '../json-text.js';
import {parseAwsPrincipal} from '../trust-principals.js';
import {missing} from './refuse.js';
import {requireModifiableRole, trustFile, updateTrustStep} from './roles.js';
import type {DiffLine, Plan} from './types.js';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The same principal written two ways: an account id and its root ARN name the same account. */
const samePrincipal = (written: string, wanted: string): boolean => {
	if (written === wanted) return true;
	const a = parseAwsPrincipal(written);
	const b = parseAwsPrincipal(wanted);
	return a.kind === 'account' && b.kind === 'account' && a.accountId === b.accountId;
};

export interface TrustEdit {
	/** The document after the edit, as JSON text. */
	document: string;
	/** Statements removed because the principal was their only one (by Sid or position). */
	removedStatements: string[];
}

const label = (statement: Json, n: number) => (typeof statement['Sid'] === 'string' && statement['Sid'] ? `statement ${statement['Sid']}` : `statement ${n + 1}`);

/**
 * One statement without `principal`: `found` says whether it named it, `kept` is what is left (absent
 * when the principal was its only one: the statement goes). A statement without Principal is kept as is.
 */
export const statementWithout = (statement: unknown, principal: string): {found: boolean; kept?: unknown} => {
	if (!isRecord(statement) || !('Principal' in statement)) return {found: false, kept: statement};
	const block = statement['Principal'];
	// "Principal": "*" — anyone.
	if (typeof block === 'string') return block === principal ? {found: true} : {found: false, kept: statement};
	if (!isRecord(block)) return {found: false, kept: statement};
	const next: Json = {};
	let found = false;
	for (const [key, value] of Object.entries(block)) {
		const list = Array.isArray(value) ? value : [value];
		const left = list.filter(entry => !(typeof entry === 'string' && samePrincipal(entry, principal)));
		if (left.length < list.length) found = true;
		if (left.length > 0) next[key] = Array.isArray(value) ? left : left[0];
	}
	if (!found) return {found: false, kept: statement};
	return Object.keys(next).length === 0 ? {found: true} : {found: true, kept: {...statement, Principal: next}};
};

/** The statements of a trust document, and whether it wrote a single statement object instead of a list. */
export const trustStatements = (document: Json): {statements: unknown[]; single: boolean} => {
	const single = isRecord(document['Statement']);
	return {single, statements: single ? [document['Statement']] : Array.isArray(document['Statement']) ? document['Statement'] : []};
};

/** A trust document as an object, or the IamError that says it cannot be read. */
export const readTrust = (role: string, trustPolicy: string): Json => {
	const parsed = parseJsonText(trustPolicy);
	if (!parsed.ok || !isRecord(parsed.value))
		throw new IamError('Invalid', `the trust policy of role ${role} cannot be read${parsed.ok ? '' : `: ${parsed.message}`}`, `fix it with aws iam update-assume-role-policy --role-name ${role} --policy-document ${trustFile(role)}`, 'MalformedPolicyDocument');
	return parsed.value;
};

/**
 * The trust document without `principal` (an ARN, an account id, a service or federated name, or "*"),
 * or an IamError: not named in it (NotFound), unreadable, or nothing left to trust (Invalid).
 */
export const withoutPrincipal = (role: string, trustPolicy: string, principal: string): TrustEdit => {
	const document = readTrust(role, trustPolicy);
	const {single, statements} = trustStatements(document);
	let found = false;
	const removedStatements: string[] = [];
	const kept: unknown[] = [];
	statements.forEach((statement, n) => {
		const edited = statementWithout(statement, principal);
		found ||= edited.found;
		if (edited.kept !== undefined) kept.push(edited.kept);
		else removedStatements.push(label(statement as Json, n));
	});
	if (!found)
		throw missing(
			`the trust policy of role ${role} does not name ${principal}`,
			'give the principal exactly as the Role screen or `iamtui role ROLE --json` shows it (an ARN, an account id or a service name)',
		);
	if (kept.length === 0)
		throw new IamError(
			'Invalid',
			`removing ${principal} would leave the trust policy of role ${role} with no statement: IAM requires at least one, and a role nobody may assume is better deleted`,
			`add another principal to the trust first, or delete role ${role} if nobody needs it`,
			'MalformedPolicyDocument',
		);
	const after = {...document, Statement: single ? kept[0] : kept};
	return {document: JSON.stringify(after), removedStatements};
};

const pretty = (text: string): string[] => {
	const parsed = parseJsonText(text);
	return (parsed.ok ? JSON.stringify(parsed.value, null, 2) : text).split('\n');
};

/** A line diff (longest common subsequence): what the operator reads before the trust is replaced. */
export const jsonDiff = (before: string, after: string): DiffLine[] => {
	const a = pretty(before);
	const b = pretty(after);
	const common: number[][] = Array.from({length: a.length + 1}, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--) common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
	const lines: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			lines.push({change: ' ', text: a[i]!});
			i++;
			j++;
		} else if (j < b.length && (i === a.length || common[i]![j + 1]! > common[i + 1]![j]!)) lines.push({change: '+', text: b[j++]!});
		else lines.push({change: '-', text: a[i++]!});
	}
	return lines;
};

/** Several roles' trust documents before and after, one after another under a line naming the role (a plan has one diff). */
export const trustsDiff = (title: string, changes: Array<{role: string; before: string; after: string}>): {title: string; lines: DiffLine[]} | undefined =>
	changes.length === 0
		? undefined
		: {title, lines: changes.flatMap(c => [{change: ' ' as const, text: `role ${c.role}:`}, ...jsonDiff(c.before, c.after)])};

/** Take one principal out of a role's trust policy: the whole new document, previewed as a diff. */
export const planRemoveTrustPrincipal = (index: SnapshotIndex, roleName: string, principal: string): Plan => {
	const role = requireModifiableRole(index, roleName);
	const edit = withoutPrincipal(role.name, role.trustPolicy, principal);
	const notes = [
		`${principal} can no longer assume role ${role.name} (sessions it already has last until they expire).`,
		...edit.removedStatements.map(s => `${s} named only ${principal}: it is removed, not left with no principal.`),
		`The aws line reads the new trust policy from ${trustFile(role.name).slice('file://'.length)}: the "after" side of the diff.`,
	];
	return {
		title: `Remove ${principal} from the trust policy of role ${role.name}`,
		dangerous: true,
		targets: [{kind: 'role', name: role.name}],
		steps: [updateTrustStep(role.name, edit.document, `Remove ${principal} from the trust policy of role ${role.name}`)],
		previews: [],
		notes,
		diff: {title: `Trust policy of role ${role.name} (- before, + after)`, lines: jsonDiff(role.trustPolicy, edit.document)},
	};
};
