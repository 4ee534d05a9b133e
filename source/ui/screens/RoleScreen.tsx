// One role: who may assume it (each trust statement's principals and conditions), its permissions,
// boundary, tags, instance profiles and last use. Enter opens a policy, a trusted user or role; E its
// effective access (with Explain, as a user's). The admin-equivalent badge heads it; hygiene findings and a
// chain cycle come first, as warnings.
import {Box} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {whoCanAssume} from '../../model/access/role-assumers.js';
import {describeError} from '../../model/errors.js';
import type {AssumeStep} from '../../model/access/types.js';
import {buildAccessModel, type AccessModel} from '../../model/access/model.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {isRoleAdminEquivalent} from '../../model/role-admin.js';
import {roleCycle} from '../../model/role-cycles.js';
import {roleHygiene} from '../../model/role-hygiene.js';
import type {Role} from '../../model/snapshot.js';
import {sanitize} from '../../model/sanitize.js';
import {DetailList, note, type DetailLine} from '../components/DetailList.js';
import {TitleLine} from '../components/TitleLine.js';
import {useCommands} from '../hooks/keyboard.js';
import {ToneText} from '../components/ToneText.js';
import type {Route} from '../hooks/routes.js';
import {roleWriteActions, type RoleWrite} from '../role-write-requests.js';
import {roleLines} from './role-lines.js';

export const ROLE_ADMIN_BADGE = 'ADMIN-EQUIVALENT';

const warningLines = (index: SnapshotIndex, role: Role, now: Date): DetailLine[] => {
	const cycle = roleCycle(index.snapshot.roles, role.name);
	return [
		...roleHygiene(role, now).findings.map((f, n) => note(`finding-${n}`, `finding: ${f.text}`, 'warning')),
		...(cycle ? [note('cycle', `chain cycle: ${cycle.join(' → ')} (each may assume the next; iamtui stops at a role seen before)`, 'warning')] : []),
	];
};

export function RoleScreen(props: {
	index: SnapshotIndex;
	name: string;
	now: Date;
	/** The session's access model of this snapshot (its parsed policies are reused); else one is built. */
	accessModel?: AccessModel;
	onOpen: (route: Route) => void;
	/** E: the role's effective access and Explain; absent: not offered (the snapshot has no access model). */
	onOpenAccess?: () => void;
	onBack: () => void;
	/** Role writes (A, D, i, x); absent: the screen only reads. */
	onWrite?: (write: RoleWrite) => void;
	onHint?: (text: string) => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const role = props.index.roleByName.get(props.name);
	const model = useMemo(() => props.accessModel ?? buildAccessModel(props.index), [props.index, props.accessModel]);
	const admin = useMemo(() => (role ? isRoleAdminEquivalent(model, role) : false), [model, role]);
	// Who may assume it takes who-can's answer for sts:AssumeRole (kept per model): shown when it arrives.
	const [mayAssume, setMayAssume] = useState<{role: Role; steps: AssumeStep[] | {error: string}} | undefined>();
	useEffect(() => {
		if (!role) return;
		let current = true;
		whoCanAssume(model, role).then(
			steps => current && setMayAssume({role, steps}),
			(error: unknown) => current && setMayAssume({role, steps: {error: describeError(error)}}),
		);
		return () => {
			current = false;
		};
	}, [model, role]);
	useCommands('role', {'open-role-access': role ? props.onOpenAccess : undefined}, props.focused);
	// Read once per snapshot, not per keypress: the cycle walks every role's trust.
	const warnings = useMemo(() => (role ? warningLines(props.index, role, props.now) : []), [props.index, role, props.now]);
	const lines = role
		? [...warnings, ...roleLines(props.index, role, props.now, props.onOpen, mayAssume?.role === role ? mayAssume.steps : undefined)]
		: [note('missing', `Role ${props.name} is not in this snapshot (deleted?).`, 'warning')];
	return (
		<Box flexDirection="column">
			<TitleLine text={`Role ${sanitize(props.name)}`}>
				{admin ? <ToneText tone="danger">{`  ${ROLE_ADMIN_BADGE}`}</ToneText> : null}
			</TitleLine>
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
