// Role hygiene: roles nobody used for a long time (RoleLastUsed), and trust that reaches outside the
// account — `*`, NotPrincipal, another account, a principal iamtui cannot read — each named. Service-linked
// roles are AWS's to keep: marked as such, never nagged about use. Pure: `now` comes in.
import type {Role} from './snapshot.js';
import type {SortColumn} from './views.js';
import {accountOfArn, parseTrustPolicy, type TrustDocument, type TrustPrincipal} from './trust-principals.js';

export type RoleFindingKind = 'unused' | 'never-used' | 'trust-anyone' | 'trust-other-account' | 'trust-unknown' | 'trust-malformed';

export interface RoleFinding {
	kind: RoleFindingKind;
	/** In the operator's words: "never used", "unused 123 d", "trusted by unknown account 111122223333". */
	text: string;
}

export interface RoleHygiene {
	name: string;
	arn: string;
	serviceLinked: boolean;
	/** RoleLastUsed (ISO), null when IAM has no record of a use. */
	lastUsed: string | null;
	/** Days since the last use (or since creation when never used); null when the dates are unreadable. */
	idleDays: number | null;
	findings: RoleFinding[];
}

/** Where AWS puts the roles its services create and own. */
export const SERVICE_LINKED_PATH = '/aws-service-role/';

const DAY = 86_400_000;

const daysBetween = (iso: string | undefined, now: Date): number | null => {
	const time = iso ? Date.parse(iso) : Number.NaN;
	return Number.isNaN(time) ? null : Math.max(0, Math.floor((now.getTime() - time) / DAY));
};

const usage = (role: Role, now: Date, unusedDays: number): RoleFinding[] => {
	const used = daysBetween(role.lastUsed?.date, now);
	if (used !== null) return used >= unusedDays ? [{kind: 'unused', text: `unused ${used} d`}] : [];
	// Never used: only a finding once the role is that old (a role made yesterday is not idle yet).
	const age = daysBetween(role.createDate, now);
	return age === null || age >= unusedDays ? [{kind: 'never-used', text: 'never used'}] : [];
};

const principalFinding = (p: TrustPrincipal, own: string | undefined): RoleFinding | undefined => {
	if (p.kind === 'anyone') return {kind: 'trust-anyone', text: 'trusted by * (anyone, in any account)'};
	if (p.accountId !== undefined && p.accountId !== own) {
		const who = p.kind === 'account' ? '' : `${p.kind} ${p.value} of `;
		return {kind: 'trust-other-account', text: `trusted by ${who}unknown account ${p.accountId}`};
	}
	if (p.kind === 'unknown') return {kind: 'trust-unknown', text: `trusted by unknown principal ${p.value}`};
	return undefined;
};

/** Findings of the trust policy, each once, in the order of the document. */
export const trustFindings = (trust: TrustDocument, own: string | undefined): RoleFinding[] => {
	const found = new Map<string, RoleFinding>();
	const add = (finding: RoleFinding | undefined) => finding && !found.has(finding.text) && found.set(finding.text, finding);
	for (const s of trust.statements) {
		if (s.effect !== 'Allow') continue;
		for (const p of s.principals) add(principalFinding(p, own));
		if (s.notPrincipal) {
			const except = s.notPrincipal.map(p => p.raw).join(', ') || '(an unreadable NotPrincipal)';
			add({kind: 'trust-anyone', text: `trusted by * (anyone) except ${except} (NotPrincipal)`});
		}
	}
	for (const problem of trust.problems) add({kind: 'trust-malformed', text: `trust policy malformed: ${problem}`});
	return [...found.values()];
};

export const roleHygiene = (role: Role, now: Date, unusedDays = 90, trust: TrustDocument = parseTrustPolicy(role.trustPolicy)): RoleHygiene => {
	const serviceLinked = role.path.startsWith(SERVICE_LINKED_PATH);
	const used = daysBetween(role.lastUsed?.date, now);
	return {
		name: role.name,
		arn: role.arn,
		serviceLinked,
		lastUsed: role.lastUsed?.date ?? null,
		idleDays: used ?? daysBetween(role.createDate, now),
		findings: [...(serviceLinked ? [] : usage(role, now, unusedDays)), ...trustFindings(trust, accountOfArn(role.arn))],
	};
};

/** The short words a list cell shows: "never used", "unused 123 d", "* trust", "other account", … */
export const findingShort: Record<RoleFindingKind, string> = {
	unused: 'unused',
	'never-used': 'never used',
	'trust-anyone': '* trust',
	'trust-other-account': 'other account',
	'trust-unknown': 'unknown principal',
	'trust-malformed': 'malformed trust',
};

export const findingCell = (findings: RoleFinding[]): string =>
	[...new Set(findings.map(f => (f.kind === 'unused' ? f.text : findingShort[f.kind])))].join(', ');

export const roleHygieneRows = (roles: Role[], now: Date, unusedDays = 90): RoleHygiene[] => roles.map(role => roleHygiene(role, now, unusedDays));

/** Matches the role's name, ARN and findings ("never used", "unknown account 1111…", "service-linked"). */
export const filterRoleHygiene = (rows: RoleHygiene[], query: string): RoleHygiene[] => {
	const needle = query.trim().toLowerCase();
	if (!needle) return rows;
	return rows.filter(row => [row.name, row.arn, row.serviceLinked ? 'service-linked' : '', ...row.findings.map(f => f.text)].some(field => field.toLowerCase().includes(needle)));
};

export const roleHygieneSortColumns: Array<SortColumn<RoleHygiene>> = [
	{id: 'name', label: 'role', value: r => r.name},
	{id: 'findings', label: 'findings', value: r => r.findings.length},
	{id: 'idle', label: 'days unused', value: r => r.idleDays},
];

/** "2 never used · 1 unused · 1 * trust": the findings counted by kind. */
export const roleFindingCounts = (rows: RoleHygiene[]): string => {
	const tally = new Map<RoleFindingKind, number>();
	for (const row of rows) for (const kind of new Set(row.findings.map(f => f.kind))) tally.set(kind, (tally.get(kind) ?? 0) + 1);
	const parts = (Object.keys(findingShort) as RoleFindingKind[]).filter(k => tally.has(k)).map(k => `${tally.get(k)} ${findingShort[k]}`);
	return parts.length > 0 ? parts.join(' · ') : 'no findings';
};
