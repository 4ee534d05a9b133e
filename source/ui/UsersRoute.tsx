// The Users screen with the work left half-done on this account: a line per unfinished offboarding
// (records store) above the list, and the users with a key rotation in progress (rotations store)
// marked in the list. Both are read again whenever the list is shown or the account reloads.
import {Box, Text} from 'ink';
import {useMemo, type ComponentProps} from 'react';
import {describeError} from '../model/errors.js';
import {sanitize} from '../model/sanitize.js';
import {truncate} from './components/text.js';
import {UsersScreen} from './screens/UsersScreen.js';
import {useConnection} from './hooks/connection.js';
import {useServices} from './hooks/services-context.js';
import type {Services} from './hooks/services.js';
import {useTheme} from './theme.js';

const MAX_LINES = 2;

interface PendingWork {
	lines: string[];
	rotating: ReadonlySet<string>;
}

const pendingWork = (services: Services, account: string | undefined): PendingWork => {
	if (!account) return {lines: [], rotating: new Set()};
	const lines: string[] = [];
	let rotating: ReadonlySet<string> = new Set();
	try {
		const unfinished = services.records.unfinished(account);
		for (const {record} of unfinished.slice(0, MAX_LINES))
			lines.push(`Unfinished offboarding of ${record.user.name} (${record.completed.length} steps done) — open the user and press O to resume`);
		if (unfinished.length > MAX_LINES) lines[MAX_LINES - 1] += ` (and ${unfinished.length - MAX_LINES} more: iamtui records)`;
	} catch (error) {
		lines.push(`Offboarding records unreadable: ${describeError(error)}`);
	}
	try {
		rotating = new Set(services.rotations.list(account).map(r => r.user));
	} catch (error) {
		lines.push(`Key rotations unreadable: ${describeError(error)}`);
	}
	return {lines, rotating};
};

export function UsersRoute(props: Omit<ComponentProps<typeof UsersScreen>, 'rotating'>) {
	const theme = useTheme();
	const services = useServices();
	const account = useConnection().identity?.account;
	// Read again when the list comes back into view (an offboarding or a rotation may have moved on).
	const pending = useMemo(() => pendingWork(services, account), [services, account, props.index, props.focused]);
	// Always the same tree, so the list keeps its cursor and filter when a notice comes or goes.
	return (
		<Box flexDirection="column">
			{pending.lines.map(line => (
				<Text key={line} color={theme.warning} wrap="truncate-end">
					{truncate(sanitize(line), props.width)}
				</Text>
			))}
			<UsersScreen {...props} height={Math.max(3, props.height - pending.lines.length)} rotating={pending.rotating} />
		</Box>
	);
}
