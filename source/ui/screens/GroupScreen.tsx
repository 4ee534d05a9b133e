// One group: its members (enter opens the user) and its attached and inline policies.
import {Box, Text} from 'ink';
import type {SnapshotIndex} from '../../model/indexes.js';
import {sanitize} from '../../model/sanitize.js';
import {formatAgo} from '../../model/views.js';
import {DetailList, heading, note, type DetailLine} from '../components/DetailList.js';
import type {Route} from '../state/routes.js';

const orNone = (lines: DetailLine[], key: string): DetailLine[] => (lines.length > 0 ? lines : [note(`${key}-none`, 'none')]);

export function GroupScreen(props: {
	index: SnapshotIndex;
	name: string;
	now: Date;
	onOpen: (route: Route) => void;
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {index, onOpen} = props;
	const group = index.groupByName.get(props.name);
	const members = index.membersByGroup.get(props.name) ?? [];
	const lines: DetailLine[] = group
		? [
				note('arn', group.arn),
				note(
					'created',
					`created ${group.createDate.slice(0, 10)} (${formatAgo(group.createDate, props.now)}) · path ${group.path}`,
				),
				heading('members', `Members (${members.length})`),
				...orNone(
					members.map(name => ({key: `member-${name}`, text: name, open: () => onOpen({screen: 'user', name})})),
					'members',
				),
				heading('attached', `Managed policies (${group.attachedPolicies.length})`),
				...orNone(
					group.attachedPolicies.map(p => ({
						key: `attached-${p.arn}`,
						text: `${p.name}  ${p.arn}`,
						open: () => onOpen({screen: 'policy', arn: p.arn}),
					})),
					'attached',
				),
				heading('inline', `Inline policies (${group.inlinePolicies.length})`),
				...orNone(
					group.inlinePolicies.map(p => ({
						key: `inline-${p.name}`,
						text: p.name,
						open: () => onOpen({screen: 'inline-policy', owner: 'group', ownerName: group.name, policyName: p.name}),
					})),
					'inline',
				),
			]
		: [note('missing', `Group ${props.name} is not in this snapshot (deleted?).`, 'warning')];
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">{`Group ${sanitize(props.name)}`}</Text>
			<DetailList
				scope="group"
				lines={lines}
				height={props.height - 1}
				width={props.width}
				focused={props.focused}
				onBack={props.onBack}
			/>
		</Box>
	);
}
