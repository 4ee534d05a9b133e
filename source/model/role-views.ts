// Rows for the Roles list: who a role trusts in a few words, when it was last used, what kind of role it
// is (service-linked, a service's role, or one people assume), the admin-equivalent badge and the hygiene
// findings. Pure: `now` comes in, never read here.
import {buildAccessModel, type AccessModel} from './access/model.js';
import type {SnapshotIndex} from './indexes.js';
import {adminRoles} from './role-admin.js';
import {assumeGraph, roleCycle, type AssumeGraph} from './role-cycles.js';
import {findingCell, roleHygiene, SERVICE_LINKED_PATH, type RoleFinding} from './role-hygiene.js';
import type {Role} from './snapshot.js';
import type {SortColumn} from './views.js';
import {accountOfArn, parseTrustPolicy, trustedShort, type TrustDocument} from './trust-principals.js';

/** 'service-linked': created and owned by an AWS service (path /aws-service-role/); 'service': trusts only services. */
export type RoleKind = 'service-linked' | 'service' | '';

export interface RoleRow {
	name: string;
	arn: string;
	path: string;
	kind: RoleKind;
	/** Trusted principals in short ("account", "user ana", "* (anyone!)"). */
	trusted: string[];
	/** RoleLastUsed (ISO), null when IAM has no record of a use. */
	lastUsed: string | null;
	lastUsedRegion: string | null;
	/** Its own policies allow * on * (no deny, no limiting boundary). */
	admin: boolean;
	/** Hygiene findings (unused, trust outside the account); empty without `now`. */
	findings: RoleFinding[];
	/** A loop of roles naming each other in their trust ([A, B, A]), when the list was given the graph. */
	cycle?: string[];
	/** Lower-case text the filter searches, built once per snapshot. */
	search: string;
}

export {SERVICE_LINKED_PATH};

export const roleKind = (role: Role, trust: TrustDocument): RoleKind => {
	if (role.path.startsWith(SERVICE_LINKED_PATH)) return 'service-linked';
	const principals = trust.statements.filter(s => s.effect === 'Allow').flatMap(s => s.principals);
	return principals.length > 0 && principals.every(p => p.kind === 'service') ? 'service' : '';
};

export interface RoleRowContext {
	/** For the findings (last use against the 90-day threshold). */
	now?: Date;
	/** Names of the admin-equivalent roles (role-admin.ts). */
	admins?: ReadonlySet<string>;
	/** Who may assume whom by name (role-cycles.ts), for the chain-cycle mark. */
	graph?: AssumeGraph;
}

export const roleRow = (role: Role, context: RoleRowContext = {}): RoleRow => {
	const trust = parseTrustPolicy(role.trustPolicy);
	const trusted = trustedShort(trust, accountOfArn(role.arn));
	const kind = roleKind(role, trust);
	const admin = context.admins?.has(role.name) ?? false;
	const findings = context.now ? roleHygiene(role, context.now, undefined, trust).findings : [];
	const cycle = context.graph ? roleCycle(context.graph, role.name) : undefined;
	return {
		...(cycle ? {cycle} : {}),
		name: role.name,
		arn: role.arn,
		path: role.path,
		kind,
		trusted,
		lastUsed: role.lastUsed?.date ?? null,
		lastUsedRegion: role.lastUsed?.region ?? null,
		admin,
		findings,
		search: [role.name, role.arn, role.path, kind, ...trusted, ...(admin ? ['admin'] : []), ...findings.map(f => f.text), ...(cycle ? ['chain cycle'] : [])].join('\n').toLowerCase(),
	};
};

/** Every role's row; `model`: an access model of the same snapshot to reuse (else one is built). */
export const roleRows = (index: SnapshotIndex, now?: Date, model: AccessModel = buildAccessModel(index)): RoleRow[] => {
	const admins = adminRoles(model);
	const graph = assumeGraph(index.snapshot.roles);
	return index.snapshot.roles.map(role => roleRow(role, {admins, graph, ...(now ? {now} : {})}));
};

/** The FINDINGS cell: hygiene findings in short, then a chain cycle. */
export const roleFindingsCell = (row: RoleRow): string => [findingCell(row.findings), row.cycle ? 'chain cycle' : ''].filter(Boolean).join(', ');

export const filterRoleRows = (rows: RoleRow[], query: string): RoleRow[] => {
	const needle = query.trim().toLowerCase();
	return needle ? rows.filter(row => row.search.includes(needle)) : rows;
};

export const roleSortColumns: Array<SortColumn<RoleRow>> = [
	{id: 'name', label: 'name', value: r => r.name},
	{id: 'path', label: 'path', value: r => r.path},
	{id: 'kind', label: 'kind', value: r => r.kind || null},
	{id: 'trusted', label: 'trusted', value: r => r.trusted.join(', ')},
	{id: 'admin', label: 'admin', value: r => r.admin},
	{id: 'findings', label: 'findings', value: r => roleFindingsCell(r) || null},
	{id: 'lastUsed', label: 'last used', value: r => (r.lastUsed ? Date.parse(r.lastUsed) : null)},
];
