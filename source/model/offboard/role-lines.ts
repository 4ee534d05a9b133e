// The roles part of the offboarding inventory, in words: the same lines on the Offboard screen and in
// headless `offboard`. For each role the user can assume, how, and what ends that reach.
import type {PlanLine} from '../plans/describe.js';
import {trustChanges} from '../plans/offboard-trust.js';
import type {OffboardRecord} from './record.js';

/** More roles reached through groups or policies than this: names only. */
const MANY = 10;

/** What ends the reach: removing groups and policies, the trust step, or (a trust naming only the user) the deletion. */
const reachEnds = (record: OffboardRecord, role: {direct: boolean; first: string; role: string}, edited: Map<string, boolean>): string => {
	if (!role.direct) return 'reach ends with groups/policies removed';
	const user = record.user.name;
	const through = role.first === role.role ? '' : ` (through role ${role.first})`;
	const edit = edited.get(role.first);
	if (edit === true) return `trust names ${user} directly${through}: taken out by the trust step`;
	if (edit === false) return `trust names ${user} directly${through}, left as it is (see the notes): ${record.keepUser ? `${user} keeps no credential to use it` : `ends when ${user} is deleted`}`;
	return `trust names ${user} directly${through}`;
};

/** "Roles USER can assume" and "Trust policies naming USER", for the inventory before anything is sent. */
export const roleLines = (record: OffboardRecord): PlanLine[] => {
	const user = record.user.name;
	const roles = record.assumableRoles ?? [];
	const trusts = record.trustPolicies ?? [];
	const edited = new Map(trustChanges(record).map(c => [c.trust.role, c.edit !== undefined]));
	// Many roles reached through groups or policies (an sts:AssumeRole on *) are one line of names.
	const many = roles.filter(r => !r.direct).length > MANY;
	const detailed = many ? roles.filter(r => r.direct) : roles;
	return [
		roles.length === 0
			? {depth: 1, text: `Roles ${user} can assume: none`, tone: 'dim'}
			: {depth: 1, text: `Roles ${user} can assume (${roles.length}; a role reached from these by chaining ends with them):`},
		...detailed.flatMap(r => [
			{depth: 2 as const, text: `${r.role} — ${r.decision === 'Conditional' ? 'Conditional' : 'yes'}; ${reachEnds(record, r, edited)}`},
			{depth: 2 as const, text: `  via ${r.path}`, tone: 'dim' as const},
			...r.conditions.map(c => ({depth: 2 as const, text: `  ${c}`, tone: 'warning' as const})),
		]),
		...(many
			? [{depth: 2 as const, text: `through groups or policies (reach ends with groups/policies removed): ${roles.filter(r => !r.direct).map(r => r.role).join(', ')}`}]
			: []),
		trusts.length === 0
			? {depth: 1, text: `Trust policies naming ${user} directly: none`, tone: 'dim'}
			: {depth: 1, text: `Trust policies naming ${user} directly (${trusts.length}): ${trusts.map(t => t.role).join(', ')} — AWS turns that principal into a dangling unique id (AIDA…) once the user is deleted`},
	];
};
