import {Text} from 'ink';
import type {CallerIdentity} from '../../model/gateway.js';
import {sanitize} from '../../model/sanitize.js';
import type {Flash} from '../hooks/messages.js';
import {truncate} from './text.js';
import {useTheme} from '../theme.js';

export interface StatusLineProps {
	profile: string | undefined;
	/** With no profile: the environment variable the credentials come from (exported keys, web identity, container). */
	environmentCredentials?: string;
	/** Reading export files: no credentials to name (the identity names the files). */
	offline?: boolean;
	identity: CallerIdentity | undefined;
	identityError: string | undefined;
	readOnly: boolean;
	loadedAt: string | undefined;
	/** Shown while a reload runs with the previous snapshot still on screen. */
	reloading: boolean;
	message: Flash | undefined;
	width: number;
}

const clockTime = (iso: string): string => {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : date.toTimeString().slice(0, 8);
};

/** Profile, account, caller, READ-ONLY, snapshot time, then the transient message. */
export function StatusLine(props: StatusLineProps) {
	const theme = useTheme();
	const who = props.identity
		? `${props.identity.account} · ${props.identity.arn}`
		: props.identityError
			? 'caller unknown'
			: 'connecting…';
	const parts = [
		props.offline ? '' : props.profile ? `profile ${props.profile}` : props.environmentCredentials ? `credentials from ${props.environmentCredentials}` : 'profile (default chain)',
		who,
		props.loadedAt ? `snapshot ${clockTime(props.loadedAt)}` : '',
		props.reloading ? 'reloading…' : '',
	].filter(Boolean);
	const readOnly = props.readOnly ? ' READ-ONLY ' : '';
	// The message wins the space: the identity part is what gets truncated.
	const message = props.message ? truncate(sanitize(props.message.text), Math.max(0, props.width - readOnly.length)) : '';
	const room = props.width - readOnly.length - (message ? Array.from(message).length + 3 : 0);
	const left = room > 0 ? truncate(sanitize(parts.join(' · ')), room) : '';
	return (
		<Text wrap="truncate-end">
			{readOnly ? (
				<Text backgroundColor={theme.badge.backgroundColor} color={theme.badge.color} bold>
					{readOnly}
				</Text>
			) : null}
			<Text color={theme.accent}>{left}</Text>
			{message ? (
				<Text color={props.message!.tone === 'error' ? theme.error : theme.success}>{`${left ? ' · ' : ''}${message}`}</Text>
			) : null}
		</Text>
	);
}
