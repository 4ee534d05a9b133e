// The frame around the screen stack: status line, the screens (the top one visible and focused),
// footer or command line, and the overlays (help, MFA prompt). Owns the global keys.
import {Box, useApp} from 'ink';
import {useEffect, useMemo, useState, type ReactNode} from 'react';
import {describeError} from '../model/errors.js';
import {CommandLine} from './components/CommandLine.js';
import {Footer} from './components/Footer.js';
import {HelpOverlay} from './components/HelpOverlay.js';
import {MfaPrompt} from './components/MfaPrompt.js';
import {StatusLine} from './components/StatusLine.js';
import {ScreenHost} from './ScreenHost.js';
import {useConnection} from './state/connection.js';
import {priority, useCommands} from './state/keyboard.js';
import {useMessages} from './state/messages.js';
import {useNavigation} from './state/navigation.js';
import {jumpTargets, scopeOf, type JumpTarget} from './state/routes.js';
import {useServices} from './state/services-context.js';
import {useSnapshot} from './state/snapshot.js';
import {useTerminalSize} from './state/terminal-size.js';

export interface MfaRequest {
	serial: string;
	resolve: (code: string) => void;
	reject: (error: Error) => void;
}

type Overlay = 'none' | 'help' | 'command';

export function Shell(props: {mfaRequest: MfaRequest | undefined; onMfaDone: () => void}) {
	const {exit} = useApp();
	const services = useServices();
	const connection = useConnection();
	const snapshot = useSnapshot();
	const navigation = useNavigation();
	const {message, flash} = useMessages();
	const {columns, rows} = useTerminalSize();
	const [overlay, setOverlay] = useState<Overlay>('none');
	const readOnly = connection.gateway.readOnly;

	// Ages are computed against the time the snapshot arrived: stable rows, no rebuild per key press.
	const now = useMemo(() => services.now(), [services, snapshot.index]);

	useEffect(() => {
		if (snapshot.error && snapshot.snapshot) flash(`Reload failed: ${describeError(snapshot.error)}`, 'error');
	}, [snapshot.error, snapshot.snapshot, flash]);

	const scope = scopeOf(navigation.top.route);
	const atRoot = navigation.stack.length === 1;
	const runCommand = (text: string) => {
		setOverlay('none');
		const name = text.replace(/^:/, '').trim().toLowerCase();
		if (!name) return;
		if ((jumpTargets as readonly string[]).includes(name)) navigation.jump({screen: name as JumpTarget});
		else if (name === 'help') setOverlay('help');
		else if (name === 'quit' || name === 'q') exit();
		else flash(`Unknown command :${name} — try :users :groups :roles :policies :whocan :profiles :journal`, 'error');
	};

	const modal = overlay !== 'none' || props.mfaRequest !== undefined;
	useCommands(
		'global',
		{
			help: () => setOverlay('help'),
			'command-line': () => setOverlay('command'),
			reload: () => {
				snapshot.reload();
				flash('Reloading the account…');
			},
			quit: () => (atRoot ? exit() : navigation.pop()),
		},
		!modal,
		{priority: priority.global},
	);

	const bodyHeight = Math.max(3, rows - 2);
	const width = columns;
	let body: ReactNode = null;
	if (props.mfaRequest) {
		const request = props.mfaRequest;
		body = (
			<MfaPrompt
				serial={request.serial}
				onSubmit={code => {
					request.resolve(code);
					props.onMfaDone();
				}}
				onCancel={() => {
					request.reject(new Error('MFA code entry cancelled'));
					props.onMfaDone();
				}}
			/>
		);
	} else if (overlay === 'help') {
		body = <HelpOverlay screen={scope} readOnly={readOnly} height={bodyHeight} onClose={() => setOverlay('none')} />;
	}

	return (
		<>
			<Box flexDirection="column" width={width}>
				<StatusLine
					profile={connection.settings.profile}
					identity={connection.identity}
					identityError={connection.identityError}
					readOnly={readOnly}
					loadedAt={snapshot.snapshot?.loadedAt}
					reloading={snapshot.loading && snapshot.snapshot !== undefined}
					message={message}
					width={width}
				/>
				<Box flexDirection="column" height={bodyHeight}>
					{body}
					{navigation.stack.map(entry => {
						const visible = !body && entry === navigation.top;
						return (
							<Box key={entry.id} display={visible ? 'flex' : 'none'} flexDirection="column">
								<ScreenHost route={entry.route} focused={visible && !modal} width={width} height={bodyHeight} now={now} />
							</Box>
						);
					})}
				</Box>
				{overlay === 'command' ? (
					<CommandLine onRun={runCommand} onCancel={() => setOverlay('none')} width={width} />
				) : (
					<Footer screen={scope} readOnly={readOnly} width={width} />
				)}
			</Box>
		</>
	);
}
