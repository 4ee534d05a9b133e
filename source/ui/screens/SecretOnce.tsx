// The one screen that shows a secret: the access keys and passwords a plan just issued, with the
// console sign-in URL. s saves them as a CSV (0600), c copies the selected one (the clipboard clears
// itself after 30 s), d/esc/enter dismisses — asking first when nothing was saved or copied. Leaving,
// however it happens, wipes every Secret and clears the clipboard if it still holds one.
import {Box, Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {describeError} from '../../model/errors.js';
import type {IssuedSecret} from '../../model/plans/execute.js';
import {sanitize} from '../../model/sanitize.js';
import type {Secret} from '../../model/secret.js';
import type {SecretFolder} from '../../store/secret-location.js';
import type {ClipboardHandle} from '../../store/clipboard-auto-clear.js';
import type {SaveResult} from '../../store/credentials-csv.js';
import {stepField} from '../components/list-window.js';
import {TextField} from '../components/TextField.js';
import {truncate} from '../components/text.js';
import {PASS, priority, useBeforeSuspend, useCommands, useInterrupt, useKeys} from '../hooks/keyboard.js';
import {ToneText} from '../components/ToneText.js';

export const SHOWN_ONCE_BANNER = 'shown once — save or copy now; after you leave this screen it cannot be shown again';

export type CopyOutcome = {ok: true; handle?: Pick<ClipboardHandle, 'clear' | 'cancel'> & {seconds?: number}} | {ok: false; message: string};

export interface SecretOnceProps {
	secrets: IssuedSecret[];
	signInUrl: string;
	saveCsv: (path: string, overwrite: boolean) => Promise<SaveResult>;
	copy: (secret: Secret) => Promise<CopyOutcome>;
	/** Where the file is offered (store/secret-location.ts): `./`, or `~/` when the current folder is in a git work tree. */
	defaultFolder?: SecretFolder;
	/** A warning for a file saved where it could be committed (inside a git work tree). */
	fileWarning?: (savedPath: string) => string | undefined;
	onDismiss: () => void;
	focused: boolean;
	width: number;
	height: number;
}

type Mode =
	| {kind: 'view'}
	| {kind: 'busy'; text: string}
	| {kind: 'path'; error?: string}
	| {kind: 'overwrite'; path: string}
	| {kind: 'confirm-dismiss'}
	| {kind: 'dismissed'};

type Status = {text: string; tone: 'info' | 'error'} | undefined;

const secretOf = (issued: IssuedSecret): Secret => (issued.kind === 'access-key' ? issued.secretAccessKey : issued.password);
const LABEL = 20;

/** The default file: USER_credentials.csv in the offered folder (IAM names are file-safe already; anything else becomes _). */
const defaultPath = (secrets: IssuedSecret[], folder: SecretFolder | undefined) => `${folder?.prefix ?? './'}${(secrets[0]?.user ?? 'iam').replace(/[^\w+=,.@-]/g, '_')}_credentials.csv`;

/** y or n (esc counts as n); every other key stops here while the question is open. */
function YesNo(props: {question: string; onYes: () => void; onNo: () => void; focused: boolean}) {
	useKeys(
		(input, key) => {
			if (input === 'y' || input === 'Y') props.onYes();
			else if (input === 'n' || input === 'N' || key.escape) props.onNo();
		},
		{active: props.focused, priority: priority.prompt},
	);
	return (
		<ToneText tone="alert" wrap="wrap">
			{sanitize(props.question)}
		</ToneText>
	);
}

export function SecretOnce(props: SecretOnceProps) {
	const {secrets} = props;
	const [mode, setMode] = useState<Mode>({kind: 'view'});
	const [selected, setSelected] = useState(() => Math.max(0, secrets.findIndex(s => s.kind === 'access-key')));
	const [path, setPath] = useState(() => defaultPath(secrets, props.defaultFolder));
	const [kept, setKept] = useState({saved: false, copied: false});
	const [status, setStatus] = useState<Status>();
	const handles = useRef<Array<NonNullable<Extract<CopyOutcome, {ok: true}>['handle']>>>([]);
	const gone = useRef(false);

	// Whatever way this screen goes (dismiss, quit, a jump elsewhere), the secrets go with it.
	const forget = () => {
		gone.current = true;
		for (const issued of secrets) secretOf(issued).wipe();
		for (const handle of handles.current.splice(0)) void handle.clear();
	};
	const forgetOnUnmount = useRef(forget);
	forgetOnUnmount.current = forget;
	useEffect(() => () => forgetOnUnmount.current(), []);

	// Ctrl+Z: a stopped process runs no timer, so the clipboard's 30 s would last as long as the stop. Cleared first.
	useBeforeSuspend(() => {
		const pending = handles.current.splice(0);
		if (pending.length === 0) return undefined;
		return Promise.all(pending.map(handle => handle.clear())).then(() => {
			if (!gone.current) setStatus({text: 'the clipboard was cleared as iamtui was suspended (stopped, it could not clear it after 30 s)', tone: 'info'});
		});
	});

	const dismiss = () => {
		setMode({kind: 'dismissed'});
		forget();
		props.onDismiss();
	};
	const askToDismiss = () => (kept.saved || kept.copied ? dismiss() : setMode({kind: 'confirm-dismiss'}));

	const save = (target: string, overwrite: boolean) => {
		setMode({kind: 'busy', text: 'Saving…'});
		Promise.resolve()
			.then(() => props.saveCsv(target, overwrite))
			.then(
				result => {
					if (gone.current) return;
					if (result.ok) {
						setKept(k => ({...k, saved: true}));
						const warning = props.fileWarning?.(result.path);
						setStatus(warning ? {text: `saved to ${result.path} (mode 0600) — ${warning}`, tone: 'error'} : {text: `saved to ${result.path} (mode 0600)`, tone: 'info'});
						setMode({kind: 'view'});
					} else if (result.reason === 'exists' && !overwrite) setMode({kind: 'overwrite', path: target});
					else setMode({kind: 'path', error: result.message});
				},
				(error: unknown) => !gone.current && setMode({kind: 'path', error: describeError(error)}),
			);
	};

	const copy = () => {
		const issued = secrets[selected];
		if (!issued) return;
		setMode({kind: 'busy', text: 'Copying…'});
		Promise.resolve()
			.then(() => props.copy(secretOf(issued)))
			.then(
				result => {
					if (gone.current) {
						if (result.ok) void result.handle?.clear();
						return;
					}
					if (result.ok) {
						// The new copy replaced the old one on the clipboard: only the newest timer matters.
						for (const old of handles.current.splice(0)) old.cancel();
						if (result.handle) handles.current.push(result.handle);
						setKept(k => ({...k, copied: true}));
						const what = issued.kind === 'access-key' ? 'secret access key' : 'password';
						setStatus({text: `${what} of ${issued.user} copied — clipboard clears in ${result.handle?.seconds ?? 30} s`, tone: 'info'});
					} else setStatus({text: `${result.message} — press s to save as CSV instead`, tone: 'error'});
					setMode({kind: 'view'});
				},
				(error: unknown) => {
					if (gone.current) return;
					setStatus({text: `Could not copy: ${describeError(error)}`, tone: 'error'});
					setMode({kind: 'view'});
				},
			);
	};

	const move = (delta: number) => () => setSelected(n => stepField(n, delta, secrets.length));
	useCommands(
		'secret',
		{
			'save-secret': () => setMode({kind: 'path'}),
			'copy-secret': copy,
			'dismiss-secret': askToDismiss,
			up: move(-1),
			down: move(1),
		},
		props.focused && mode.kind === 'view',
		{
			// q would leave the screen (and lose the secret) without a word: it asks like dismiss does.
			onOtherKey: input => (input === 'q' ? askToDismiss() : PASS),
		},
	);

	// Ctrl-C would quit and lose an unsaved secret without a word: it asks as q does (above every overlay).
	// Once it is saved or copied, Ctrl-C quits as anywhere else.
	useInterrupt(
		() => {
			if (kept.saved || kept.copied) return PASS;
			if (mode.kind !== 'busy') setMode({kind: 'confirm-dismiss'});
		},
		{active: mode.kind !== 'dismissed', priority: priority.prompt},
	);

	if (mode.kind === 'dismissed') return <ToneText tone="muted">Dismissed: the credentials are gone from memory.</ToneText>;

	const line = (text: string) => truncate(sanitize(text), props.width);
	const blocks = secrets.map((issued, n) => {
		const mark = n === selected ? '› ' : '  ';
		const field = (label: string, value: string, note = '') => (
			<Text key={label} wrap="wrap">
				{`    ${label.padEnd(LABEL)}`}
				<ToneText tone="secret">
					{value}
				</ToneText>
				{note ? <ToneText tone="muted">{`  ${note}`}</ToneText> : null}
			</Text>
		);
		// reveal() happens here and only here; a wiped secret (the screen is leaving) shows nothing.
		const shown = (secret: Secret) => (secret.wiped ? '' : secret.reveal());
		return (
			<Box key={n} flexDirection="column">
				<Text bold={n === selected} wrap="truncate-end">
					{line(`${mark}${issued.user} — ${issued.kind === 'access-key' ? 'access key' : 'console password'}`)}
				</Text>
				{issued.kind === 'access-key'
					? [field('Access key ID', sanitize(issued.accessKeyId)), field('Secret access key', shown(issued.secretAccessKey))]
					: [field('Password', shown(issued.password), issued.passwordResetRequired ? 'must be changed at next sign-in' : '')]}
			</Box>
		);
	});
	// Keep the selected block in view when there are more than fit (each block is 2–3 lines).
	const room = Math.max(3, props.height - 6);
	const sizes = secrets.map(s => (s.kind === 'access-key' ? 3 : 2));
	let first = 0;
	const used = (from: number) => sizes.slice(from, selected + 1).reduce((a, b) => a + b, 0);
	while (first < selected && used(first) > room) first++;
	let last = first;
	for (let total = 0; last < secrets.length && total + sizes[last]! <= room; last++) total += sizes[last]!;
	last = Math.max(last, selected + 1);

	const hints = `s save as CSV · c copy${secrets.length > 1 ? ' selected (↑↓ choose)' : ''} · d/esc/enter dismiss`;
	let bottom;
	if (mode.kind === 'path')
		bottom = (
			<Box flexDirection="column">
				<Box>
					{/* The label keeps its width: a long path wraps beside it instead of squeezing it. */}
					<Box flexShrink={0}>
						<Text>Save as CSV to: </Text>
					</Box>
					<TextField
						value={path}
						onChange={setPath}
						onSubmit={value => save(value.trim(), false)}
						onCancel={() => setMode({kind: 'view'})}
						focused={props.focused}
					/>
				</Box>
				{mode.error ? <ToneText tone="error" wrap="wrap">{sanitize(mode.error)}</ToneText> : null}
				{props.defaultFolder?.reason ? <ToneText tone="muted" wrap="wrap">{sanitize(props.defaultFolder.reason)}</ToneText> : null}
				<ToneText tone="muted">enter saves (mode 0600) · esc cancels</ToneText>
			</Box>
		);
	else if (mode.kind === 'overwrite')
		bottom = (
			<YesNo
				question={`${mode.path} exists — overwrite? y/n`}
				onYes={() => save(mode.path, true)}
				onNo={() => setMode({kind: 'path'})}
				focused={props.focused}
			/>
		);
	else if (mode.kind === 'confirm-dismiss')
		bottom = (
			<YesNo
				question="you have not saved it: dismiss anyway? y/n"
				onYes={dismiss}
				onNo={() => setMode({kind: 'view'})}
				focused={props.focused}
			/>
		);
	else if (mode.kind === 'busy') bottom = <ToneText tone="muted">{mode.text}</ToneText>;
	else
		bottom = (
			<Box flexDirection="column">
				{status ? (
					<ToneText tone={status.tone === 'error' ? 'error' : 'success'} wrap="wrap">
						{sanitize(status.text)}
					</ToneText>
				) : null}
				<ToneText tone="muted" wrap="truncate-end">
					{line(hints)}
				</ToneText>
			</Box>
		);

	return (
		<Box flexDirection="column">
			<ToneText tone="alert" wrap="wrap">
				{`⚠ ${SHOWN_ONCE_BANNER}`}
			</ToneText>
			<Text> </Text>
			{first > 0 ? <ToneText tone="muted">{`  ↑ ${first} more`}</ToneText> : null}
			{blocks.slice(first, last)}
			{last < secrets.length ? <ToneText tone="muted">{`  ↓ ${secrets.length - last} more`}</ToneText> : null}
			<Text wrap="wrap">
				{'Console sign-in URL'.padEnd(LABEL + 4)}
				{sanitize(props.signInUrl)}
			</Text>
			<Text> </Text>
			{bottom}
		</Box>
	);
}
