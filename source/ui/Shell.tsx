// The frame around the screen stack: status line, the screens (the top one visible and focused),
// footer or command line, and the overlays (help, MFA prompt). Owns the global keys.
import {Box, useApp} from 'ink';
import {useEffect, useMemo, useState, type ReactNode} from 'react';
import {slipsOf} from '../model/close-names.js';
import {describeError} from '../model/errors.js';
import {CommandLine} from './components/CommandLine.js';
import {Footer} from './components/Footer.js';
import {HelpOverlay} from './components/HelpOverlay.js';
import {MfaPrompt} from './components/MfaPrompt.js';
import {StatusLine} from './components/StatusLine.js';
import {ToneText} from './components/ToneText.js';
import {commandLineEntries, commandLineParts, isJumpTarget, jumpTargets, jumpTargetsText, whoCanArguments, whoCanQueryOf} from './jump-targets.js';
import {ScreenHost} from './ScreenHost.js';
import {useConnection} from './hooks/connection.js';
import {PASS, priority, useCommands, useInterrupt, useKeys} from './hooks/keyboard.js';
import {FooterEntry, FooterScopeProvider} from './hooks/footer-scope.js';
import {useMessages} from './hooks/messages.js';
import {useNavigation} from './hooks/navigation.js';
import {jumpRoute, scopeOf} from './hooks/routes.js';
import {useServices} from './hooks/services-context.js';
import {useSnapshot} from './hooks/snapshot.js';
import {useTerminalSize} from './hooks/terminal-size.js';

export interface MfaRequest {
	serial: string;
	resolve: (code: string) => void;
	reject: (error: Error) => void;
}

type Overlay = 'none' | 'help' | 'command' | 'confirm-quit';

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
	// The demo's account goes with its moto when the TUI quits: after a write, a quit asks once (y/N).
	const quit = () => (services.demo && snapshot.writes > 0 && overlay !== 'confirm-quit' ? setOverlay('confirm-quit') : exit());
	useKeys(input => (input === 'y' || input === 'Y' ? exit() : setOverlay('none')), {
		active: overlay === 'confirm-quit',
		priority: priority.prompt,
	});
	// Ctrl-C quits from anywhere, unless a screen above claims it (the show-once secret warns first).
	useInterrupt(() => exit(), {active: true, priority: priority.global});
	// Ctrl-C over the help or the command line closes it first, so what the screen under it does (the
	// show-once secret asks before it goes) is seen; then it goes on to that screen, or quits.
	useInterrupt(
		() => {
			setOverlay('none');
			return PASS;
		},
		{active: overlay === 'help' || overlay === 'command', priority: priority.prompt + 1},
	);
	const runCommand = (text: string) => {
		setOverlay('none');
		const {name, rest} = commandLineParts(text);
		if (!name) return;
		if (name === 'whocan' && rest) {
			const query = whoCanQueryOf(rest);
			if ('error' in query) flash(query.error, 'error');
			else navigation.jump({screen: 'whocan', query});
		} else if (rest && (name === 'q' || commandLineEntries.some(entry => entry.name === name))) flash(`:${name} takes nothing after its name ("${rest}"); only :whocan does (${whoCanArguments})`, 'error');
		else if (isJumpTarget(name)) navigation.jump(jumpRoute(name));
		else if (name === 'help') setOverlay('help');
		else if (name === 'quit' || name === 'q') quit();
		else {
			const close = slipsOf(name, [...jumpTargets, 'help', 'quit']);
			flash(close.length > 0 ? `Unknown command :${name} — did you mean ${close.map(c => `:${c}`).join(' ')}?` : `Unknown command :${name} — try ${jumpTargetsText}`, 'error');
		}
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
			// q goes back (a `:` jump too, to where it came from); only the first screen quits.
			quit: () => (atRoot ? quit() : navigation.pop()),
		},
		!modal,
		{priority: priority.global},
	);

	// The frame is one row shorter than the terminal: a frame that fills it makes Ink clear the whole screen
	// and redraw every row on each render; a shorter one is redrawn incrementally, changed rows only.
	const bodyHeight = Math.max(3, rows - 3);
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

	// The frame's box takes the terminal's width and clips to it (not width={width}): on a resize Ink redraws the
	// last tree at once, before it re-renders, and a row wider than a narrowed terminal would wrap and shift
	// the rows below it, which the incremental redraw then leaves where they are.
	return (
		<FooterScopeProvider>
			<Box flexDirection="column" overflowX="hidden">
				<StatusLine
					profile={connection.settings.profile}
					environmentCredentials={connection.settings.environmentCredentials}
					offline={connection.settings.offline}
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
								<FooterEntry value={entry.id}>
									<ScreenHost route={entry.route} focused={visible && !modal} width={width} height={bodyHeight} now={now} />
								</FooterEntry>
							</Box>
						);
					})}
				</Box>
				{overlay === 'command' ? (
					<CommandLine onRun={runCommand} onCancel={() => setOverlay('none')} width={width} />
				) : overlay === 'confirm-quit' ? (
					<ToneText tone="alert" wrap="truncate-end">
						{`Quit the demo? ${snapshot.writes === 1 ? 'The change you made goes' : `The ${snapshot.writes} changes you made go`} with it. y/N`}
					</ToneText>
				) : (
					<Footer screen={scope} top={navigation.top.id} readOnly={readOnly} width={width} firstScreen={atRoot} />
				)}
			</Box>
		</FooterScopeProvider>
	);
}
