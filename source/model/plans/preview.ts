// What a membership change does to one user's access, before it is sent: the policies that arrive or
// leave through the group and the ones kept through another path, and the action patterns the group's
// statements grant, each with the other grants that still cover it. Read from the statements via
// effectiveAccess (no simulation), so it is instant even for many users.
import {buildAccessModel, effectiveAccess, type ServiceGrant} from '../access.js';
import {buildIndex, policiesReachingUser, type PolicyGrant, type SnapshotIndex} from '../indexes.js';
import type {ActionChange, MembershipPreview, PolicyChange} from './types.js';
import {applyPatch, membershipPatch} from './patch.js';

const pathLabel = (grant: PolicyGrant): string =>
	grant.viaGroup ? `group ${grant.viaGroup}` : grant.kind === 'inline' ? `inline policy ${grant.name}` : 'attached directly';

const grantLabel = (grant: ServiceGrant): string => {
	const {source} = grant.statement;
	const where = source.viaGroup ? ` via group ${source.viaGroup}` : source.kind === 'inline' ? ' (inline)' : ' (attached directly)';
	return `${source.name}${where}`;
};

const globToRegExp = (pattern: string): RegExp =>
	new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`);

/** Whether the action pattern `wide` matches every action `narrow` matches (wildcards in narrow read literally). */
export const patternCovers = (wide: string, narrow: string): boolean =>
	!wide.startsWith('NotAction') && !narrow.startsWith('NotAction') && globToRegExp(wide).test(narrow.toLowerCase());

const onEverything = (grant: ServiceGrant) => !grant.notResource && grant.resources.includes('*');

const actionChanges = (fromGroup: ServiceGrant[], others: ServiceGrant[]): ActionChange[] => {
	const byPattern = new Map<string, ActionChange>();
	for (const grant of fromGroup) {
		for (const pattern of grant.actions) {
			const key = pattern.toLowerCase();
			const known = byPattern.get(key);
			if (known) {
				known.conditional &&= grant.conditional;
				continue;
			}
			const keptThrough: string[] = [];
			const mayKeepThrough: string[] = [];
			for (const other of others) {
				const label = grantLabel(other);
				const covers = other.actions.some(a => patternCovers(a, pattern));
				const notAction = other.actions.some(a => a.startsWith('NotAction'));
				if (covers && !other.conditional && (onEverything(other) || !onEverything(grant))) keptThrough.push(label);
				else if (covers) mayKeepThrough.push(`${label} (${other.conditional ? 'with a condition' : `only on ${other.resources.join(', ')}`})`);
				else if (notAction) mayKeepThrough.push(`${label} (NotAction statement)`);
			}
			byPattern.set(key, {pattern, conditional: grant.conditional, keptThrough: unique(keptThrough), mayKeepThrough: unique(mayKeepThrough)});
		}
	}
	return [...byPattern.values()];
};

const unique = (values: string[]) => [...new Set(values)];

/**
 * The preview for one user and one group. `index` is the account as it is now; the preview is computed
 * on the account where the user IS in the group (now for a removal, after the change for an addition).
 */
export const membershipPreview = (index: SnapshotIndex, userName: string, group: string, change: 'add' | 'remove'): MembershipPreview => {
	const user = index.userByName.get(userName)!;
	const member = user.groups.includes(group);
	const preview: MembershipPreview = {user: userName, group, change, policies: [], actions: [], denies: [], problems: []};
	if (change === 'add' && member) preview.noop = `${userName} is already in ${group}`;
	if (change === 'remove' && !member) preview.noop = `${userName} is not in ${group}`;
	if (preview.noop) return preview;

	const withMember = member ? index : buildIndex(applyPatch(index.snapshot, membershipPatch(userName, group, true)));
	const grants = policiesReachingUser(withMember, withMember.userByName.get(userName)!);
	const others = grants.filter(g => g.viaGroup !== group);
	preview.policies = grants
		.filter(g => g.viaGroup === group)
		.map(g => {
			const kept = g.kind === 'managed' ? others.filter(o => o.kind === 'managed' && o.arn === g.arn).map(pathLabel) : [];
			const item: PolicyChange = {kind: g.kind, name: g.name, keptThrough: unique(kept)};
			if (g.arn) item.arn = g.arn;
			return item;
		});

	const access = effectiveAccess(buildAccessModel(withMember), userName);
	if (!access.ok) {
		preview.problems.push(access.message);
		return preview;
	}
	const allows = access.services.flatMap(s => s.grants);
	const isFromGroup = (g: ServiceGrant) => g.statement.source.viaGroup === group;
	preview.actions = actionChanges(allows.filter(isFromGroup), allows.filter(g => !isFromGroup(g)));
	preview.denies = unique(access.services.flatMap(s => s.denies).filter(isFromGroup).flatMap(d => d.actions));
	preview.problems = access.couldNotEvaluate.map(p => `${p.source.name}: ${p.reason}`);
	return preview;
};
