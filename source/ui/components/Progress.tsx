import {Box, Text} from 'ink';
import type {SnapshotProgress} from '../../model/snapshot.js';
import {useTheme} from '../theme.js';

const phaseText: Record<SnapshotProgress['phase'], string> = {
	'authorization-details': 'Reading users, groups, roles and policies (GetAccountAuthorizationDetails)',
	'credential-report': 'Reading the credential report',
	done: 'Done',
};

/** The first frame: shown at once while the snapshot loads. */
export function Progress(props: {profile: string | undefined; progress: SnapshotProgress | undefined}) {
	const theme = useTheme();
	const {progress} = props;
	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold wrap="truncate-end">
				Loading the account{props.profile ? ` (profile ${props.profile})` : ''}…
			</Text>
			<Text wrap="truncate-end">{progress ? phaseText[progress.phase] : 'Connecting'}</Text>
			<Text dimColor={theme.muted} wrap="truncate-end">
				{`pages ${progress?.pages ?? 0} · users ${progress?.users ?? 0} · groups ${progress?.groups ?? 0} · roles ${progress?.roles ?? 0} · policies ${
					progress?.policies ?? 0
				} · retries ${progress?.retries ?? 0}`}
			</Text>
		</Box>
	);
}
