// :accounts — the organization of the profile: opened on arrival (every account through the audit role),
// each account listed as it loads (loading…, loaded with its IAM counts, FAILED with the step, skipped),
// then the whole list with OU paths and SCPs. `a` changes the audit role, remembered for the profile, and
// opens again. An account outside an organization, or Organizations refused: the error and what to do.
import {Box} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {loadCounts} from '../../model/org/org-load.js';
import {readingIdentityCenter, type AccountProgress} from '../../model/org/org-session.js';
import {ErrorPanel} from '../components/ErrorPanel.js';
import type {Column} from '../components/Table.js';
import {ToneText} from '../components/ToneText.js';
import {useCommands} from '../hooks/keyboard.js';
import type {OrganizationContext} from '../hooks/organization.js';
import {AuditRoleField} from './AuditRoleField.js';
import {ListScreen} from './ListScreen.js';
import {accountRows, accountSortColumns, filterAccountRows, type AccountRow} from './org-rows.js';

const columns: Array<Column<AccountRow>> = [
	{id: 'name', header: 'ACCOUNT', width: 12, grow: true, ellipsis: 'middle', cell: r => r.name},
	{id: 'id', header: 'ID', width: 12, cell: r => r.id},
	{id: 'ou', header: 'OU PATH', width: 10, grow: true, cell: r => r.ouPath},
	{id: 'status', header: 'STATUS', width: 7, dropOrder: 1, cell: r => r.status},
	{id: 'iam', header: 'IAM', width: 18, grow: true, cell: r => r.iam},
	{id: 'scps', header: 'SCPS ON PATH', width: 14, grow: true, dropOrder: 2, cell: r => r.scps},
];

/** What the line over the list says: how far the open is, or how it ended. */
const summary = (state: OrganizationContext['state'], accounts: AccountProgress[]): string => {
	switch (state.status) {
		case 'closed':
			return 'Opening the organization…';
		case 'opening': {
			if (accounts.length === 0) return `Reading the organization (accounts, OUs, SCPs) as the profile; then each account through ${state.auditRole}…`;
			const done = accounts.filter(a => a.load.kind !== 'loading').length;
			return `Loading each account through ${state.auditRole}: ${done} of ${accounts.length} reported…`;
		}
		case 'open': {
			const counts = loadCounts(state.session.opened.accounts);
			const total = state.session.opened.accounts.length;
			// Identity Center is read beside the accounts and may take longer: the accounts are usable meanwhile.
			const reading = readingIdentityCenter(state.session) ? ' · reading Identity Center…' : '';
			return `${counts.loaded} of ${total} accounts loaded through ${state.auditRole}${counts.failed ? `, ${counts.failed} FAILED (enter shows why)` : ''}${counts.skipped ? `, ${counts.skipped} skipped` : ''}${reading}`;
		}
		case 'failed':
			return '';
	}
};

export function AccountsScreen(props: {
	org: OrganizationContext;
	onOpenAccount: (id: string) => void;
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {org} = props;
	const {state} = org;
	const [editingRole, setEditingRole] = useState(false);
	useEffect(() => {
		if (state.status === 'closed') org.open();
	}, [state.status, org]);

	const accounts: AccountProgress[] = state.status === 'open' ? state.session.opened.accounts : state.status === 'opening' ? state.accounts : [];
	const management = state.status === 'open' ? state.session.opened.organization.managementAccountId : undefined;
	const rows = useMemo(() => accountRows(accounts, management), [accounts, management]);
	const listFocused = props.focused && !editingRole;
	const editRole = () => setEditingRole(true);
	const field = editingRole ? (
		<AuditRoleField
			initial={org.auditRole}
			active={props.focused}
			width={props.width}
			onApply={role => {
				org.reopenWith(role);
				setEditingRole(false);
			}}
			onCancel={() => setEditingRole(false)}
		/>
	) : null;

	// The list's commands are not there without a list: the failed open keeps `a` and esc.
	useCommands('accounts', {'audit-role': editRole, back: props.onBack}, listFocused && state.status === 'failed');
	if (state.status === 'failed')
		return (
			<Box flexDirection="column">
				<ErrorPanel title={`Could not open the organization (audit role ${state.auditRole})`} error={state.error} actions="a change the audit role and open again · esc back · :profiles switch profile" />
				{field}
			</Box>
		);

	const failedRows = rows.filter(r => r.failed).length;
	const notice = (
		<Box flexDirection="column">
			{field}
			<ToneText tone={failedRows > 0 ? 'warning' : 'muted'} wrap="truncate-end">
				{summary(state, accounts)}
			</ToneText>
		</Box>
	);
	return (
		<ListScreen
			scope="accounts"
			title="Accounts"
			rows={rows}
			rowKey={r => r.id}
			columns={columns}
			filter={filterAccountRows}
			sortColumns={accountSortColumns}
			onOpen={row => props.onOpenAccount(row.id)}
			onBack={props.onBack}
			actions={{'audit-role': editRole}}
			notice={notice}
			noticeLines={1 + (editingRole ? 2 : 0)}
			emptyText={state.status === 'open' ? 'The organization lists no accounts.' : ''}
			focused={listFocused}
			width={props.width}
			height={props.height}
		/>
	);
}

