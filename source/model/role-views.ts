// Rows for the Roles list: who a role trusts in a few words, when it was last used, and what kind of
// role it is (service-linked, a service's role, or one people assume). Pure: `now` is never read here.
import type {SnapshotIndex} from './indexes.js';
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
	/** Lower-case text the filter searches, built once per snapshot. */
	search: string;
}

export const SERVICE_LINKED_PATH = '/aws-service-role/';

export const roleKind = (role: Role, trust: TrustDocument): RoleKind => {
	if (role.path.startsWith(SERVICE_LINKED_PATH)) return 'service-linked';
	const principals = trust.statements.filter(s => s.effect === 'Allow').flatMap(s => s.principals);
	return principals.length > 0 && principals.every(p => p.kind === 'service') ? 'service' : '';
};

export const roleRow = (role: Role): RoleRow => {
	const trust = parseTrustPolicy(role.trustPolicy);
	const trusted = trustedShort(trust, accountOfArn(role.arn));
	const kind = roleKind(role, trust);
	return {
		name: role.name,
		arn: role.arn,
		path: role.path,
		kind,
		trusted,
		lastUsed: role.lastUsed?.date ?? null,
		lastUsedRegion: role.lastUsed?.region ?? null,
		search: [role.name, role.arn, role.path, kind, ...trusted].join('\n').toLowerCase(),
	};
};

export const roleRows = (index: SnapshotIndex): RoleRow[] => index.snapshot.roles.map(roleRow);

export const filterRoleRows = (rows: RoleRow[], query: string): RoleRow[] => {
	const needle = query.trim().toLowerCase();
	return needle ? rows.filter(row => row.search.includes(needle)) : rows;
};

export const roleSortColumns: Array<SortColumn<RoleRow>> = [
	{id: 'name', label: 'name', value: r => r.name},
	{id: 'path', label: 'path', value: r => r.path},
	{id: 'kind', label: 'kind', value: r => r.kind || null},
	{id: 'trusted', label: 'trusted', value: r => r.trusted.join(', ')},
	{id: 'lastUsed', label: 'last used', value: r => (r.lastUsed ? Date.parse(r.lastUsed) : null)},
];
