// A managed policy (metadata, who it is attached to, the default version's document) or an inline one.
import {Box} from 'ink';
import type {SnapshotIndex} from '../../model/indexes.js';
import {sanitize, sanitizeMultiline} from '../../model/sanitize.js';
import {DetailList, heading, note, type DetailLine} from '../components/DetailList.js';
import {TitleLine} from '../components/TitleLine.js';
import type {CommandId} from '../keymap.js';
import type {Route} from '../hooks/routes.js';

/** The document pretty-printed when it is JSON, as it came otherwise; one DetailLine per line. */
export const documentLines = (document: string, key: string): DetailLine[] => {
	if (!document.trim()) return [note(`${key}-empty`, 'document not available')];
	let text = document;
	try {
		text = JSON.stringify(JSON.parse(document), null, 2);
	} catch {
		// Not JSON (or not decoded): show it as it is.
	}
	return sanitizeMultiline(text)
		.split('\n')
		.map((line, position) => ({key: `${key}-${position}`, text: line}));
};

type PolicyTarget =
	| {kind: 'managed'; arn: string}
	| {kind: 'inline'; owner: 'user' | 'group' | 'role'; ownerName: string; policyName: string};

interface PolicyView {
	title: string;
	lines: DetailLine[];
}

const managedLines = (index: SnapshotIndex, arn: string, onOpen: (route: Route) => void): PolicyView => {
	const policy = index.policyByArn.get(arn);
	const attached = index.attachments.get(arn) ?? {users: [], groups: []};
	const roles = index.roleAttachments.get(arn) ?? [];
	const name = policy?.name ?? arn.split('/').pop() ?? arn;
	const meta: DetailLine[] = policy
		? [
				note('arn', policy.arn),
				note(
					'type',
					`${policy.awsManaged ? 'AWS managed' : 'customer managed'} · default version ${policy.defaultVersionId}` +
						` · attachments ${policy.attachmentCount}`,
				),
				note(
					'dates',
					`created ${policy.createDate.slice(0, 10)} · updated ${policy.updateDate.slice(0, 10)} · path ${policy.path}`,
				),
				...(policy.description ? [note('description', policy.description)] : []),
			]
		: [note('arn', arn), note('missing', 'This policy is not in the snapshot (its document was not loaded).', 'warning')];
	return {
		title: `Policy ${name}`,
		lines: [
			...meta,
			heading('users', `Attached to users (${attached.users.length})`),
			...(attached.users.length > 0
				? attached.users.map(user => ({key: `user-${user}`, text: user, open: () => onOpen({screen: 'user', name: user})}))
				: [note('users-none', 'none')]),
			heading('groups', `Attached to groups (${attached.groups.length})`),
			...(attached.groups.length > 0
				? attached.groups.map(group => ({key: `group-${group}`, text: group, open: () => onOpen({screen: 'group', name: group})}))
				: [note('groups-none', 'none')]),
			// Only when roles are attached: accounts without roles keep the screen as it was.
			...(roles.length > 0
				? [heading('roles', `Attached to roles (${roles.length})`), ...roles.map(role => ({key: `role-${role}`, text: role, open: () => onOpen({screen: 'role', name: role})}))]
				: []),
			heading('document', `Document${policy ? ` (${policy.defaultVersionId})` : ''}`),
			...documentLines(policy?.document ?? '', 'doc'),
		],
	};
};

const inlineLines = (
	index: SnapshotIndex,
	target: Extract<PolicyTarget, {kind: 'inline'}>,
	onOpen: (route: Route) => void,
): PolicyView => {
	const owner =
		target.owner === 'user'
			? index.userByName.get(target.ownerName)
			: target.owner === 'role'
				? index.roleByName.get(target.ownerName)
				: index.groupByName.get(target.ownerName);
	const policy = owner?.inlinePolicies.find(p => p.name === target.policyName);
	return {
		title: `Inline policy ${target.policyName}`,
		lines: [
			{
				key: 'owner',
				text: `of ${target.owner} ${target.ownerName}`,
				open: () => onOpen({screen: target.owner, name: target.ownerName}),
			},
			heading('document', 'Document'),
			...(policy
				? documentLines(policy.document, 'doc')
				: [note('missing', 'This inline policy is not in the snapshot.', 'warning')]),
		],
	};
};

export function PolicyScreen(props: {
	index: SnapshotIndex;
	target: PolicyTarget;
	onOpen: (route: Route) => void;
	onBack: () => void;
	/** `a` on a managed policy: pick a user or group to attach it to. */
	onAttach?: () => void;
	/** `D`: plan deleting this policy (a customer managed one, or this inline policy). */
	onDelete?: () => void;
	onHint?: (text: string) => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {onAttach, onDelete, onHint} = props;
	const inline = props.target.kind === 'inline';
	const actions: Partial<Record<CommandId, () => void>> = {
		...(onAttach || (inline && onHint)
			? {'attach-to': () => (onAttach && !inline ? onAttach() : onHint?.('An inline policy belongs to its user or group: it cannot be attached elsewhere'))}
			: {}),
		...(onDelete ? {'delete-policy': () => onDelete()} : {}),
	};
	const {title, lines} =
		props.target.kind === 'managed'
			? managedLines(props.index, props.target.arn, props.onOpen)
			: inlineLines(props.index, props.target, props.onOpen);
	return (
		<Box flexDirection="column">
			<TitleLine text={sanitize(title)} />
			<DetailList
				scope="policy"
				lines={lines}
				actions={actions}
				height={props.height - 1}
				width={props.width}
				focused={props.focused}
				onBack={props.onBack}
			/>
		</Box>
	);
}
