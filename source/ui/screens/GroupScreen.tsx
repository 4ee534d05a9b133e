// One group: its members (enter opens the user) and its attached and inline policies; the writes on
// them (membership, attach/detach, inline policies, deleting the group) come in as callbacks.
import {Box} from 'ink';
import {useState} from 'react';
import type {SnapshotIndex} from '../../model/indexes.js';
import {sanitize} from '../../model/sanitize.js';
import {formatAgo} from '../../model/views.js';
import {DetailList, heading, note, type DetailLine} from '../components/DetailList.js';
import {TitleLine} from '../components/TitleLine.js';
import type {Route} from '../hooks/routes.js';
import type {CommandId} from '../keymap.js';
import {policyRefLines} from './policy-ref-lines.js';

const orNone = (lines: DetailLine[], key: string): DetailLine[] => (lines.length > 0 ? lines : [note(`${key}-none`, 'none')]);

export function GroupScreen(props: {
	index: SnapshotIndex;
	name: string;
	now: Date;
	onOpen: (route: Route) => void;
	onBack: () => void;
	/** `a`: pick users to add to this group. */
	onAddMembers?: () => void;
	/** `x`: plan removing these members (the marked ones, or the selected one). */
	onRemoveMembers?: (users: string[]) => void;
	/** `p`: pick a managed policy to attach. */
	onAttachPolicy?: () => void;
	/** `d` on an attached policy: plan detaching it. */
	onDetachPolicy?: (policyArn: string) => void;
	/** `i`: the template wizard for an inline policy. */
	onPutInlinePolicy?: () => void;
	/** `d` on an inline policy: plan deleting it. */
	onDeleteInlinePolicy?: (policyName: string) => void;
	/** `D`: plan deleting this group. */
	onDeleteGroup?: () => void;
	onHint?: (text: string) => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {index, onOpen} = props;
	const group = index.groupByName.get(props.name);
	const members = index.membersByGroup.get(props.name) ?? [];
	// Marks of members who have left (after a removal) simply match no line any more.
	const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
	const {onAddMembers, onRemoveMembers, onAttachPolicy, onDetachPolicy, onPutInlinePolicy, onDeleteInlinePolicy, onDeleteGroup} = props;
	const toggle = (name: string) =>
		setMarked(current => {
			const next = new Set(current);
			if (next.has(name)) next.delete(name);
			else next.add(name);
			return next;
		});
	const member = (line: DetailLine | undefined) => (line?.section === 'members' ? line.value : undefined);
	const actions: Partial<Record<CommandId, (line: DetailLine | undefined) => void>> = {
		...(onAddMembers ? {'add-members': () => onAddMembers()} : {}),
		...(onRemoveMembers
			? {
					mark: (line: DetailLine | undefined) => {
						const name = member(line);
						if (name) toggle(name);
					},
					'remove-members': (line: DetailLine | undefined) => {
						const chosen = members.filter(name => marked.has(name));
						const names = chosen.length > 0 ? chosen : [member(line)].filter((n): n is string => Boolean(n));
						if (names.length === 0) return props.onHint?.('Select a member (or mark several with space), then x');
						setMarked(new Set());
						onRemoveMembers(names);
					},
				}
			: {}),
		...(onAttachPolicy ? {'attach-policy': () => onAttachPolicy()} : {}),
		...(onPutInlinePolicy ? {'put-inline-policy': () => onPutInlinePolicy()} : {}),
		...(onDeleteGroup ? {'delete-group': () => onDeleteGroup()} : {}),
		...(onDetachPolicy || onDeleteInlinePolicy
			? {
					'delete-selected': (line: DetailLine | undefined) => {
						if (line?.section === 'attached' && line.value && onDetachPolicy) return onDetachPolicy(line.value);
						if (line?.section === 'inline' && line.value && onDeleteInlinePolicy) return onDeleteInlinePolicy(line.value);
						props.onHint?.('Select a managed or an inline policy of this group, then d');
					},
				}
			: {}),
	};
	const lines: DetailLine[] = group
		? [
				note('arn', group.arn),
				note(
					'created',
					`created ${group.createDate.slice(0, 10)} (${formatAgo(group.createDate, props.now)}) · path ${group.path}`,
				),
				heading('members', `Members (${members.length})${marked.size > 0 ? ` · ${members.filter(m => marked.has(m)).length} marked` : ''}`),
				...orNone(
					members.map(name => ({
						key: `member-${name}`,
						text: name,
						value: name,
						section: 'members',
						marked: marked.has(name),
						open: () => onOpen({screen: 'user', name}),
					})),
					'members',
				),
				...policyRefLines({kind: 'group', ...group}, onOpen),
			]
		: [note('missing', `Group ${props.name} is not in this snapshot (deleted?).`, 'warning')];
	return (
		<Box flexDirection="column">
			<TitleLine text={`Group ${sanitize(props.name)}`} />
			<DetailList
				scope="group"
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
