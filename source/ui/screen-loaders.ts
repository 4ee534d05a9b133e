// The data loaders ScreenHost hands to screens as props: each reads through the connection's gateway or
// the services, so the screens themselves never reach for either. Stable across renders (per gateway).
import {useCallback, useMemo} from 'react';
import type {AwsConfigProfile} from '../model/connection.js';
import {isNotInExport} from '../model/errors.js';
import type {IamGateway, PasswordPolicy, UserDetails} from '../model/gateway.js';
import type {JournalEntry} from '../model/plans/execute.js';
import type {UserCredentials} from './screens/user-credentials.js';
import {useConnection} from './hooks/connection.js';
import {useServices} from './hooks/services-context.js';

export interface ScreenLoaders {
	loadDetails(name: string): Promise<UserDetails>;
	loadCredentials(name: string): Promise<UserCredentials>;
	loadAwsConfigProfiles(): Promise<AwsConfigProfile[]>;
	readJournal(): JournalEntry[];
	loadPasswordPolicy(): Promise<PasswordPolicy | null>;
}

/** A user's console password and signing certificates. */
const loadUserCredentials = async (gateway: IamGateway, name: string): Promise<UserCredentials> => {
	// An offline export holds neither: each section says so in its own words (any other failure is the screen's error).
	const [loginProfile, certificates] = await Promise.allSettled([gateway.loginProfile(name), gateway.signingCertificates(name)]);
	const notHeld = (result: PromiseSettledResult<unknown>) => result.status === 'rejected' && isNotInExport(result.reason);
	const consoleNotHeld = notHeld(loginProfile);
	const certificatesNotHeld = notHeld(certificates);
	if (loginProfile.status === 'rejected' && !consoleNotHeld) throw loginProfile.reason;
	if (certificates.status === 'rejected' && !certificatesNotHeld) throw certificates.reason;
	return {
		loginProfile: loginProfile.status === 'fulfilled' ? loginProfile.value : null,
		certificates: certificates.status === 'fulfilled' ? certificates.value : [],
		...(consoleNotHeld || certificatesNotHeld ? {notHeld: {...(consoleNotHeld ? {console: consoleNotHeld} : {}), ...(certificatesNotHeld ? {certificates: certificatesNotHeld} : {})}} : {}),
	};
};

export const useScreenLoaders = (): ScreenLoaders => {
	const services = useServices();
	const {gateway} = useConnection();
	const loadDetails = useCallback((name: string) => gateway.userDetails(name), [gateway]);
	const loadCredentials = useCallback((name: string) => loadUserCredentials(gateway, name), [gateway]);
	const loadPasswordPolicy = useCallback(() => gateway.passwordPolicy(), [gateway]);
	const loadAwsConfigProfiles = useCallback(() => services.awsConfigProfiles(), [services]);
	const readJournal = useCallback(() => services.journal.read(), [services]);
	return useMemo(
		() => ({loadDetails, loadCredentials, loadAwsConfigProfiles, readJournal, loadPasswordPolicy}),
		[loadDetails, loadCredentials, loadAwsConfigProfiles, readJournal, loadPasswordPolicy],
	);
};
