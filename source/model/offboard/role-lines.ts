// The roles part of the offboarding inventory, in words: the same lines on the Offboard screen and in
// headless `offboard`. For each role the user can assume, how, and what ends that reach.
import type {PlanLine} from '../plans/describe.js';
import type {OffboardRecord} from './record.js';

const reachEnds = (record: OffboardRecord, role: {direct: boolean; first: string; role: string}): string => {
	if (!role.direct) return 'reach ends with groups/policies removed';
	const named = (record.trustPolicies ?? []).some(t => t.role === role.first);
	const through = role.first === role.role ? '' : ` (through role ${role.first})`;
	return named ? `trust names ${record.user.name} directly${through}: see the trust step` : `trust names ${record.user.name} directly${through}`;
};

/** "Roles USER can assume" and "Trust policies naming USER", for the inventory before anything is sent. */
export const roleLines = (record: OffboardRecord): PlanLine[] => {
	const user = record.user.name;
	const roles = record.assumableRoles ?? [];
	const trusts = record.trustPolicies ?? [];
	return [
		roles.length === 0
			? {depth: 1, text: `Roles ${user} can assume: none`, tone: 'dim'}
			: {depth: 1, text: `Roles ${user} can assume (${roles.length}):`},
		...roles.flatMap(r => [
			{depth: 2 as const, text: `${r.role} — ${r.decision === 'Conditional' ? 'Conditional' : 'yes'}; ${reachEnds(record, r)}`},
			{depth: 2 as const, text: `  via ${r.path}`, tone: 'dim' as const},
			...r.conditions.map(c => ({depth: 2 as const, text: `  ${c}`, tone: 'warning' as const})),
		]),
		trusts.length === 0
			? {depth: 1, text: `Trust policies naming ${user} directly: none`, tone: 'dim'}
			: {depth: 1, text: `Trust policies naming ${user} directly (${trusts.length}): ${trusts.map(t => t.role).join(', ')} — AWS turns that principal into a dangling unique id (AIDA…) once the user is deleted`},
	];
};
