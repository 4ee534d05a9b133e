// One account of the organization (enter on :accounts): where it sits (OU path), how its IAM was read (as
// you, through the audit role) or why it could not be (the step, the reason, what to do), the SCPs on its
// path each with the root, OU or account it hangs on, and the Identity Center people who reach it.
// Opened from an org-wide who-can line on an IAM principal, it shows that principal first, the cursor on it.
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {whoReachesAccount} from '../../model/org/identity-center.js';
import {ouPathText, scpsOnPath, type AccountLoad} from '../../model/org/org-load.js';
import type {AccountProgress, OrgView} from '../../model/org/org-session.js';
import {sanitize} from '../../model/sanitize.js';
import {DetailList, heading, note, type DetailLine} from '../components/DetailList.js';
import type {OrgState} from '../hooks/organization.js';
import {PRINCIPAL_KEY, principalLines, type AccountPrincipal} from './account-principal-lines.js';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const loadLines = (load: AccountLoad | {kind: 'loading'}): DetailLine[] => {
	switch (load.kind) {
		case 'loading':
			return [note('iam-loading', 'loading…')];
		case 'loaded': {
			const {users, groups, roles} = load.snapshot;
			return [
				note('iam-via', load.roleArn ? `read through ${load.roleArn}` : 'read with your own credentials (the account of this profile)'),
				{key: 'iam-counts', text: `${plural(users.length, 'user')}, ${plural(groups.length, 'group')}, ${plural(roles.length, 'role')}`},
			];
		}
		case 'failed':
			return [
				{key: 'iam-failed', text: `FAILED at ${load.step === 'assume-role' ? 'assuming the audit role' : 'reading IAM'}: ${load.message}`, tone: 'error'},
				...(load.hint ? [{key: 'iam-hint', text: `what to do: ${load.hint}`, tone: 'warning' as const}] : []),
			];
		case 'skipped':
			return [note('iam-skipped', `not read: ${load.reason}`)];
	}
};

const peopleLines = (ic: OrgView['identityCenter'] | undefined, accountId: string): DetailLine[] => {
	if (!ic) return [note('people-wait', 'read once the organization is open')];
	if ('reading' in ic) return [note('people-wait', 'Identity Center is still being read')];
	if ('error' in ic) return [note('people-error', `Identity Center not read: ${ic.error}`, 'warning')];
	const reaches = whoReachesAccount(ic, accountId);
	if (reaches.length === 0) return [note('people-none', 'nobody reaches it through a permission set')];
	return reaches.map(r => ({
		key: `person-${r.user.id}-${r.permissionSet.arn}`,
		text: `${r.user.userName}  ${r.permissionSet.name}  via ${r.via.map(v => (v.kind === 'direct' ? 'direct assignment' : `group ${v.group.displayName}`)).join(' + ')}`,
	}));
};

export const accountLines = (progress: AccountProgress, managementAccountId: string | undefined, ic: OrgView['identityCenter'] | undefined): DetailLine[] => {
	const {account, load} = progress;
	const path = 'path' in progress ? progress.path : [];
	const management = account.id === managementAccountId;
	const scps = scpsOnPath(path);
	return [
		note('status', `status ${account.status ?? 'unknown'} · OU path ${ouPathText(path) || '(not known yet)'}${management ? ' · the management account' : ''}`),
		heading('iam', 'IAM'),
		...loadLines(load),
		heading('scps', `SCPs on the path (${scps.length})`),
		...(management ? [note('scps-exempt', 'SCPs do not restrict the management account (as in AWS)', 'warning')] : []),
		...scps.map(({scp, target}) => ({key: `scp-${scp.id}-${target.id}`, text: `${scp.name}  on ${target.kind === 'ou' ? 'OU' : target.kind} ${target.name}`})),
		...(scps.length === 0 ? [note('scps-none', path.length ? 'none' : 'known once the account is reported')] : []),
		heading('people', 'Identity Center people who reach it'),
		...peopleLines(ic, account.id),
	];
};

/** The account as far as the organization is open; undefined if it is not (yet) in it. */
const findAccount = (state: OrgState, id: string): AccountProgress | undefined => {
	const accounts: AccountProgress[] = state.status === 'open' ? state.session.opened.accounts : state.status === 'opening' ? state.accounts : [];
	return accounts.find(a => a.account.id === id);
};

export function AccountScreen(props: {state: OrgState; id: string; focus?: AccountPrincipal; onBack: () => void; focused: boolean; width: number; height: number}) {
	const {state, id, focus} = props;
	const progress = findAccount(state, id);
	const session = state.status === 'open' ? state.session : undefined;
	const lines = useMemo(() => {
		if (!progress) return [note('missing', `Account ${id} is not in the organization as opened.`, 'warning')];
		const account = accountLines(progress, session?.opened.organization.managementAccountId, session?.identityCenter);
		return focus ? [...principalLines(progress.load.kind === 'loaded' ? progress.load.snapshot : undefined, focus), ...account] : account;
	}, [progress, session, id, focus]);
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">{`Account ${sanitize(progress?.account.name ?? id)} (${id})`}</Text>
			<DetailList scope="account" lines={lines} {...(focus ? {initialKey: PRINCIPAL_KEY} : {})} height={props.height - 1} width={props.width} focused={props.focused} onBack={props.onBack} />
		</Box>
	);
}
