// One user: who they are, their groups, the policies that reach them and how, their keys, MFA and tags.
// Keys, MFA devices, tags, the console password and signing certificates are per-user calls, made when
// this screen opens and again when it comes back to the front (after a write) or the snapshot reloads.
import {Box, Text} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
import {describeError, isNotInExport} from '../../model/errors.js';
import type {AccessKeyDetail, UserDetails} from '../../model/gateway.js';
import {policiesReachingUser, type SnapshotIndex} from '../../model/indexes.js';
import {sanitize} from '../../model/sanitize.js';
import {formatAge, formatAgo} from '../../model/views.js';
import {DetailList, heading, note, type DetailLine} from '../components/DetailList.js';
import {TitleLine} from '../components/TitleLine.js';
import {ToneText} from '../components/ToneText.js';
import {useCommands} from '../hooks/keyboard.js';
import type {Route, UserLineFocus} from '../hooks/routes.js';
import type {CommandId} from '../keymap.js';
import {credentialLines, waiting, userWriteActions, type Loaded, type UserCredentials, type UserWrite} from './user-credentials.js';
import {useTheme} from '../theme.js';

/** Per-user calls, made on open and again on `refresh`, keeping what is shown meanwhile. */
const useUserDetails = <T,>(name: string, load: (name: string) => Promise<T>, refresh?: unknown): Loaded<T> => {
	const [state, setState] = useState<Loaded<T> & {name?: string}>({status: 'loading'});
	useEffect(() => {
		let current = true;
		setState(previous => (previous.name === name ? previous : {status: 'loading'}));
		load(name).then(
			details => current && setState({status: 'ok', details, name}),
			(error: unknown) => current && setState({status: 'error', message: describeError(error), ...(isNotInExport(error) ? {notHeld: true} : {}), name}),
		);
		return () => {
			current = false;
		};
	}, [name, load, refresh]);
	return state;
};

const noCredentials = async (): Promise<UserCredentials> => ({loginProfile: null, certificates: []});

/** Counts the times the screen gets the focus back (after a plan ran on top of it, say). */
const useReturns = (focused: boolean): number => {
	const [returns, setReturns] = useState(0);
	const was = useRef(focused);
	useEffect(() => {
		if (focused && !was.current) setReturns(n => n + 1);
		was.current = focused;
	}, [focused]);
	return returns;
};

const orNone = (lines: DetailLine[], key: string): DetailLine[] => (lines.length > 0 ? lines : [note(`${key}-none`, 'none')]);

const accessKeyText = (key: AccessKeyDetail, now: Date): string => {
	const where = [key.lastUsedService, key.lastUsedRegion].filter(Boolean).join(', ');
	const used = key.lastUsedDate ? `${formatAgo(key.lastUsedDate, now)}${where ? ` (${where})` : ''}` : 'never';
	return `${key.accessKeyId}  ${key.status}  age ${formatAge(key.createDate, now)}  last used ${used}`;
};

export function UserScreen(props: {
	index: SnapshotIndex;
	name: string;
	now: Date;
	loadDetails: (name: string) => Promise<UserDetails>;
	onOpen: (route: Route) => void;
	onBack: () => void;
	/** Allow * on * with no deny: a badge in the header. */
	adminEquivalent?: boolean;
	/** `A`: the user's effective access (the Access view). */
	onOpenAccess?: () => void;
	/** `a`: pick a group to add this user to. */
	onAddToGroup?: () => void;
	/** `x` on a group line: plan removing this user from it. */
	onRemoveFromGroup?: (group: string) => void;
	/** A one-line hint for the status line (e.g. "select a group first"). */
	onHint?: (text: string) => void;
	/** `O`: offboard this user (record, revoke, delete or keep). */
	onOffboard?: () => void;
	/** `R`: rotate this user's access key. */
	onRotateKey?: () => void;
	/** Login profile and signing certificates (per-user calls); without it those sections are not shown. */
	loadCredentials?: (name: string) => Promise<UserCredentials>;
	/** Keys, passwords, policies, certificates: the write asked for, with what this screen loaded. */
	onWrite?: (write: UserWrite) => void;
	/** The line the cursor starts on (who-can: the group or policy that granted, so `x` removes from it). */
	focus?: UserLineFocus;
	focused: boolean;
	width: number;
	height: number;
}) {
	const theme = useTheme();
	const {index, now, onOpen} = props;
	const user = index.userByName.get(props.name);
	// Credentials are not in the snapshot: read them again after a write or a reload.
	const returns = useReturns(props.focused);
	const refresh = useMemo(() => ({}), [index, returns]);
	const details = useUserDetails(props.name, props.loadDetails, refresh);
	const credentials = useUserDetails(props.name, props.loadCredentials ?? noCredentials, refresh);
	useCommands('user', {'open-access': props.onOpenAccess, 'offboard-user': props.onOffboard, 'rotate-key': props.onRotateKey}, props.focused);
	if (!user)
		return (
			<Box flexDirection="column">
				<Text color={theme.warning}>{`User ${sanitize(props.name)} is not in this snapshot (deleted?). esc goes back.`}</Text>
				<DetailList scope="user" lines={[]} height={1} width={props.width} focused={props.focused} onBack={props.onBack} />
			</Box>
		);

	const report = index.reportByUser.get(user.name);
	const grants = policiesReachingUser(index, user);
	const viaGroups = grants.filter(g => g.viaGroup);
	const summary = report
		? `console ${report.passwordEnabled ? 'yes' : 'no'} · MFA ${report.mfaActive ? 'yes' : 'no'} · password last used ${
				report.passwordLastUsed ? formatAgo(report.passwordLastUsed, now) : 'never'
			}`
		: index.snapshot.credentialReport.status === 'unavailable'
			? `credential report unavailable: ${index.snapshot.credentialReport.reason}`
			: 'not in the credential report yet';

	const {onAddToGroup, onRemoveFromGroup} = props;
	const membershipActions: Partial<Record<CommandId, (line: DetailLine | undefined) => void>> = {
		...(onAddToGroup ? {'add-to-group': () => onAddToGroup()} : {}),
		...(onRemoveFromGroup
			? {
					'remove-from-group': (line: DetailLine | undefined) =>
						line?.section === 'groups' && line.value
							? onRemoveFromGroup(line.value)
							: props.onHint?.('Select one of the groups (tab moves to the Groups section), then x'),
				}
			: {}),
		...(props.onWrite
			? userWriteActions({user: props.name, details, credentials, onWrite: props.onWrite, onHint: text => props.onHint?.(text)})
			: {}),
	};
	const lines: DetailLine[] = [
		note('arn', user.arn),
		note('created', `created ${user.createDate.slice(0, 10)} (${formatAgo(user.createDate, now)}) · path ${user.path}`),
		note('summary', summary, report ? undefined : 'warning'),
		...(user.permissionsBoundaryArn ? [note('boundary', `permissions boundary ${user.permissionsBoundaryArn}`)] : []),
		heading('groups', `Groups (${user.groups.length})`),
		...orNone(
			user.groups.map(group => ({
				key: `group-${group}`,
				text: group,
				value: group,
				section: 'groups',
				open: () => onOpen({screen: 'group', name: group}),
			})),
			'groups',
		),
		heading('attached', `Managed policies attached directly (${user.attachedPolicies.length})`),
		...orNone(
			user.attachedPolicies.map(p => ({key: `attached-${p.arn}`, text: p.name, value: p.arn, section: 'attached', open: () => onOpen({screen: 'policy', arn: p.arn})})),
			'attached',
		),
		heading('inline', `Inline policies (${user.inlinePolicies.length})`),
		...orNone(
			user.inlinePolicies.map(p => ({
				key: `inline-${p.name}`,
				text: p.name,
				value: p.name,
				section: 'inline',
				open: () => onOpen({screen: 'inline-policy', owner: 'user', ownerName: user.name, policyName: p.name}),
			})),
			'inline',
		),
		heading('via-groups', `Policies through groups (${viaGroups.length})`),
		...orNone(
			viaGroups.map(g => ({
				key: `via-${g.viaGroup}-${g.kind}-${g.arn ?? g.name}`,
				text: `${g.name}  via ${g.viaGroup}${g.kind === 'inline' ? ' (inline)' : ''}`,
				open: () =>
					onOpen(
						g.arn
							? {screen: 'policy', arn: g.arn}
							: {screen: 'inline-policy', owner: 'group', ownerName: g.viaGroup!, policyName: g.name},
					),
			})),
			'via-groups',
		),
		heading('keys', 'Access keys'),
		...(waiting(details, 'keys') ??
			orNone(
				details.status === 'ok'
					? details.details.accessKeys.map(k => ({
							key: `key-${k.accessKeyId}`,
							text: accessKeyText(k, now),
							value: k.accessKeyId,
							section: 'keys',
							tone: k.status === 'Inactive' ? ('warning' as const) : undefined,
						}))
					: [],
				'keys',
			)),
		heading('mfa', 'MFA devices'),
		...(waiting(details, 'mfa') ??
			orNone(
				details.status === 'ok'
					? details.details.mfaDevices.map(d => ({
							key: `mfa-${d.serialNumber}`,
							text: `${d.serialNumber}  enabled ${d.enableDate.slice(0, 10)}`,
						}))
					: [],
				'mfa',
			)),
		...(props.loadCredentials ? credentialLines(credentials, now) : []),
		heading('tags', 'Tags'),
		// The snapshot holds the tags too (GetAccountAuthorizationDetails lists them): shown when the per-user read
		// cannot be made (an offline export, a denied read), never an error in their place.
		...(details.status === 'loading'
			? [note('tags-loading', 'loading…')]
			: orNone((details.status === 'ok' ? details.details.tags : user.tags).map(t => ({key: `tag-${t.Key}`, text: `${t.Key} = ${t.Value}`})), 'tags')),
	];

	return (
		<Box flexDirection="column">
			<TitleLine text={`User ${sanitize(user.name)}`}>
				{props.adminEquivalent ? <ToneText tone="danger">{'  ADMIN-EQUIVALENT'}</ToneText> : null}
				{props.onOpenAccess ? <Text dimColor={theme.muted}>{'  (A: effective access)'}</Text> : null}
			</TitleLine>
			<DetailList
				scope="user"
				lines={lines}
				actions={membershipActions}
				initialKey={props.focus ? lines.find(l => l.section === props.focus!.section && l.value === props.focus!.value)?.key : undefined}
				height={props.height - 1}
				width={props.width}
				focused={props.focused}
				onBack={props.onBack}
			/>
		</Box>
	);
}
