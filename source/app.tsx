// The TUI: providers and the screen stack. No AWS and no file system here: everything arrives in `services`.
import {useCallback, useMemo, useState} from 'react';
import {failedGateway} from './aws/lazy-gateway.js';
import {connectGuarded} from './aws/read-only.js';
import type {ConnectionHooks, ConnectionSettings} from './model/gateway.js';
import type {AccountSnapshot} from './model/snapshot.js';
import {Shell, type MfaRequest} from './ui/Shell.js';
import {ConnectionProvider} from './ui/hooks/connection.js';
import {KeyboardProvider} from './ui/hooks/keyboard.js';
import {MessagesProvider} from './ui/hooks/messages.js';
import {NavigationProvider} from './ui/hooks/navigation.js';
import {OrganizationProvider} from './ui/hooks/organization.js';
import type {Services} from './ui/hooks/services.js';
import {ServicesContext} from './ui/hooks/services-context.js';
import {SnapshotProvider} from './ui/hooks/snapshot.js';

/** Whether the store keeps this profile read-only; a store that cannot be read errs on the safe side. */
const storedReadOnly = (services: Services, profile: string): boolean => {
	try {
		return services.store.profile(profile)?.readOnly === true;
	} catch {
		return true;
	}
};

export function App(props: {services: Services; initial: ConnectionSettings}) {
	const {services} = props;
	// Read-only is a property of the session, above any one connection: a session started read-only opens
	// every profile read-only, and a profile stored read-only is read-only whichever way it is reached.
	const sessionReadOnly = props.initial.readOnly === true;
	// So is reading export files: whichever profile is picked, the session still reads the files.
	const sessionOffline = props.initial.offline === true;
	const withSessionFlags = useCallback(
		(next: ConnectionSettings): ConnectionSettings => {
			const stored = next.profile ? storedReadOnly(services, next.profile) : false;
			return {...next, readOnly: sessionReadOnly || next.readOnly === true || stored, ...(sessionOffline ? {offline: true} : {})};
		},
		[services, sessionReadOnly, sessionOffline],
	);
	const [connection, setConnection] = useState(() => ({settings: withSessionFlags(props.initial), generation: 0}));
	const [mfaQueue, setMfaQueue] = useState<MfaRequest[]>([]);

	// Stable for the life of the app: the client calls it whenever a role needs an MFA code.
	const hooks = useMemo<ConnectionHooks>(
		() => ({
			mfaCode: serial =>
				new Promise<string>((resolve, reject) => setMfaQueue(queue => [...queue, {serial, resolve, reject}])),
		}),
		[],
	);
	const {settings} = connection;
	const gateway = useMemo(
		() => connectGuarded(services.connect, settings, hooks, error => failedGateway(error, settings.readOnly === true)),
		[services, settings, hooks],
	);

	const switchTo = useCallback(
		(next: ConnectionSettings) =>
			setConnection(current => ({settings: withSessionFlags(next), generation: current.generation + 1})),
		[withSessionFlags],
	);
	const onLoaded = useCallback(
		(_snapshot: AccountSnapshot) => {
			services.afterSnapshotLoaded?.();
			if (!settings.profile) return;
			try {
				services.store.markUsed({
					name: settings.profile,
					...(settings.region ? {region: settings.region} : {}),
					...(settings.endpoint ? {endpoint: settings.endpoint} : {}),
					// The read-only preference is remembered (readme): a profile opened read-only stays read-only.
					...(settings.readOnly ? {readOnly: true} : {}),
				});
			} catch {
				// A profile the store's schema refuses (odd name from the environment) is simply not remembered.
			}
		},
		[services, settings],
	);

	return (
		<ServicesContext.Provider value={services}>
			<MessagesProvider>
				<ConnectionProvider settings={settings} gateway={gateway} switchTo={switchTo}>
					<OrganizationProvider key={connection.generation} hooks={hooks}>
						<SnapshotProvider key={connection.generation} gateway={gateway} onLoaded={onLoaded}>
							<NavigationProvider key={connection.generation} initial={{screen: 'users'}}>
								<KeyboardProvider readOnly={gateway.readOnly}>
									<Shell mfaRequest={mfaQueue[0]} onMfaDone={() => setMfaQueue(queue => queue.slice(1))} />
								</KeyboardProvider>
							</NavigationProvider>
						</SnapshotProvider>
					</OrganizationProvider>
				</ConnectionProvider>
			</MessagesProvider>
		</ServicesContext.Provider>
	);
}
