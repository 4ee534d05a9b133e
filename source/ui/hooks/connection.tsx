// The current connection: settings, the gateway services.connect() returned, and who we are (STS).
import {createContext, useContext, useEffect, useState, type ReactNode} from 'react';
import {describeError} from '../../model/errors.js';
import type {CallerIdentity, ConnectionSettings, IamGateway} from '../../model/gateway.js';

export interface Connection {
	settings: ConnectionSettings;
	gateway: IamGateway;
	identity: CallerIdentity | undefined;
	/** Why the caller identity is unknown, when GetCallerIdentity failed. */
	identityError: string | undefined;
	/** Opens another profile: a new gateway, the account reloads. */
	switchTo(settings: ConnectionSettings): void;
}

const ConnectionContext = createContext<Connection | undefined>(undefined);

export function ConnectionProvider(props: {
	settings: ConnectionSettings;
	gateway: IamGateway;
	switchTo: (settings: ConnectionSettings) => void;
	children: ReactNode;
}) {
	const {gateway} = props;
	const [identity, setIdentity] = useState<{value?: CallerIdentity; error?: string}>({});
	useEffect(() => {
		let current = true;
		setIdentity({});
		gateway.callerIdentity().then(
			value => current && setIdentity({value}),
			(error: unknown) => current && setIdentity({error: describeError(error)}),
		);
		return () => {
			current = false;
		};
	}, [gateway]);
	const value: Connection = {
		settings: props.settings,
		gateway,
		identity: identity.value,
		identityError: identity.error,
		switchTo: props.switchTo,
	};
	return <ConnectionContext.Provider value={value}>{props.children}</ConnectionContext.Provider>;
}

export const useConnection = (): Connection => {
	const connection = useContext(ConnectionContext);
	if (!connection) throw new Error('useConnection needs a ConnectionProvider');
	return connection;
};
