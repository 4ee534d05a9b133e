// One role: who may assume it (each trust statement's principals and conditions), its permissions,
// boundary, tags, instance profiles and last use. Enter opens a policy, a trusted user or role.
import {Box, Text} from 'ink';
import type {SnapshotIndex} from '../../model/indexes.js';
import {sanitize} from '../../model/sanitize.js';
import {DetailList, note} from '../components/DetailList.js';
import type {Route} from '../state/routes.js';
import {roleWriteActions, type RoleWrite} from '../role-writes.js';
import {roleLines} from './role-lines.js';

export function RoleScreen(props: {
	index: SnapshotIndex;
	name: string;
	now: Date;
	onOpen: (route: Route) => void;
	onBack: () => void;
	/** Role writes (A, D, i, x); absent: the screen only reads. */
	onWrite?: (write: RoleWrite) => void;
	onHint?: (text: string) => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const role = props.index.roleByName.get(props.name);
	const lines = role
		? roleLines(props.index, role, props.now, props.onOpen)
		: [note('missing', `Role ${props.name} is not in this snapshot (deleted?).`, 'warning')];
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">{`Role ${sanitize(props.name)}`}</Text>
			<DetailList
				scope="role"
				lines={lines}
				actions={props.onWrite ? roleWriteActions(props.onWrite, text => props.onHint?.(text)) : {}}
				height={props.height - 1}
				width={props.width}
				focused={props.focused}
				onBack={props.onBack}
			/>
		</Box>
	);
}
