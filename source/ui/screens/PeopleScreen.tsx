// :people — Identity Center's people, read beside the organization (opened on arrival): user name, display
// name, email, their IC groups and how many accounts they reach. Enter opens a person.
import {Box, Text} from 'ink';
import {useEffect, useMemo} from 'react';
import {ErrorPanel} from '../components/ErrorPanel.js';
import type {Column} from '../components/Table.js';
import {ToneText} from '../components/ToneText.js';
import {useCommands} from '../hooks/keyboard.js';
import type {OrganizationContext} from '../hooks/organization.js';
import {ListScreen} from './ListScreen.js';
import {filterPersonRows, personRows, personSortColumns, type PersonRow} from './org-rows.js';
import {identityCenterOf} from '../../model/org/org-session.js';

const columns: Array<Column<PersonRow>> = [
	{id: 'user', header: 'USER', width: 10, grow: true, ellipsis: 'middle', cell: r => r.userName},
	{id: 'name', header: 'NAME', width: 12, grow: true, cell: r => r.displayName},
	{id: 'email', header: 'EMAIL', width: 12, grow: true, dropOrder: 2, cell: r => r.email},
	{id: 'groups', header: 'IC GROUPS', width: 10, grow: true, dropOrder: 1, cell: r => r.groups},
	{id: 'accounts', header: 'ACCOUNTS', width: 8, align: 'right', cell: r => String(r.accounts)},
];

const ERROR_ACTIONS = 'esc back · :accounts shows each account · :profiles switch profile';

export function PeopleScreen(props: {org: OrganizationContext; onOpenPerson: (id: string) => void; onBack: () => void; focused: boolean; width: number; height: number}) {
	const {org} = props;
	const {state} = org;
	useEffect(() => {
		if (state.status === 'closed') org.open();
	}, [state.status, org]);
	const ic = state.status === 'open' ? state.session.identityCenter : undefined;
	const read = identityCenterOf(state.status === 'open' ? state.session : undefined);
	const rows = useMemo(() => (read ? personRows(read) : []), [read]);
	const listed = read !== undefined;
	// Without a list, esc still goes back.
	useCommands('people', {back: props.onBack}, props.focused && !listed);

	if (state.status === 'failed') return <ErrorPanel title="Could not open the organization" error={state.error} actions={ERROR_ACTIONS} />;
	if (ic && 'error' in ic)
		return <ErrorPanel title="Identity Center could not be read" error={new Error(`${ic.error} — reading it takes sso:List*, sso:Describe* and identitystore:List* (templates/iamtui-read-only.json grants them)`)} actions={ERROR_ACTIONS} />;
	if (!listed) {
		const reported = state.status === 'opening' ? state.accounts.filter(a => a.load.kind !== 'loading').length : 0;
		const total = state.status === 'opening' ? state.accounts.length : 0;
		const progress =
			state.status === 'open' ? 'Reading Identity Center… (the accounts are in: :accounts)' : `Opening the organization (${reported} of ${total} accounts reported) and Identity Center beside it…`;
		return (
			<Box flexDirection="column" paddingX={1}>
				<Text bold>Identity Center people</Text>
				<ToneText tone="muted" wrap="truncate-end">{progress}</ToneText>
			</Box>
		);
	}
	return (
		<ListScreen
			scope="people"
			title="Identity Center people"
			rows={rows}
			rowKey={r => r.id}
			columns={columns}
			filter={filterPersonRows}
			sortColumns={personSortColumns}
			onOpen={row => props.onOpenPerson(row.id)}
			onBack={props.onBack}
			emptyText="The identity store holds nobody."
			focused={props.focused}
			width={props.width}
			height={props.height}
		/>
	);
}
