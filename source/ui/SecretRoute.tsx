// SecretOnce with its outside world: the sign-in URL (account alias, else the account id), the CSV
// writer and the clipboard from the services. Leaving the route unmounts the screen, which wipes them.
import {useEffect, useState} from 'react';
import type {IssuedSecret} from '../model/plans/execute.js';
import {signInUrl} from '../model/password.js';
import type {Secret} from '../model/secret.js';
import {defaultSecretFolder, gitTreeWarning} from '../store/secret-location.js';
import {copyWithAutoClear} from '../store/clipboard-auto-clear.js';
import {credentialRows} from '../store/credentials-csv.js';
import {SecretOnce} from './screens/SecretOnce.js';
import {useConnection} from './hooks/connection.js';
import {useNavigation} from './hooks/navigation.js';
import type {Route} from './hooks/routes.js';
import {useServices} from './hooks/services-context.js';

export function SecretRoute(props: {secrets: IssuedSecret[]; then?: Route; focused: boolean; width: number; height: number; onBack: () => void}) {
	const services = useServices();
	const navigation = useNavigation();
	const {gateway, identity} = useConnection();
	const account = identity?.account ?? 'your-account-id';
	const [alias, setAlias] = useState<string | null>(null);
	useEffect(() => {
		let live = true;
		gateway.accountAlias().then(
			found => live && setAlias(found),
			() => {}, // Without iam:ListAccountAliases the URL uses the account id, which always works.
		);
		return () => {
			live = false;
		};
	}, [gateway]);
	const url = signInUrl(account, alias);
	// Looked up once: a secret is never offered a place inside a git work tree (store/secret-location.ts).
	const [folder] = useState(() => defaultSecretFolder());
	return (
		<SecretOnce
			secrets={props.secrets}
			signInUrl={url}
			saveCsv={async (file, overwrite) => services.saveCredentialsCsv(file, credentialRows(props.secrets, url), {overwrite})}
			copy={(secret: Secret) => copyWithAutoClear(secret, {clipboard: services.clipboard})}
			defaultFolder={folder}
			fileWarning={gitTreeWarning}
			onDismiss={props.then ? () => navigation.replace(props.then!) : props.onBack}
			focused={props.focused}
			width={props.width}
			height={props.height}
		/>
	);
}
