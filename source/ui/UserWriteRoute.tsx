// The forms the User screen opens before a plan: pick a managed policy to attach, choose the way out at
// the two-key limit, a console password, a signing certificate. Each ends by replacing itself with the
// plan's confirmation (run-plan); the screens themselves only take props.
import {useMemo} from 'react';
import {describeError} from '../model/errors.js';
import type {SnapshotIndex} from '../model/indexes.js';
import {planUploadCertificate} from '../model/plans/certificates.js';
import {oldestKey, planCreateAccessKey, planCreateLoginProfile, planDeactivateOldestKey, planReplaceOldestKey, planResetPassword} from '../model/plans/credentials.js';
import {planAttachPolicy} from '../model/plans/policies.js';
import type {Plan} from '../model/plans/types.js';
import {defaultSecretFolder, gitTreeWarning} from '../store/secret-location.js';
import {CertificateForm} from './screens/CertificateForm.js';
import {KeyLimitChoice} from './screens/KeyLimitChoice.js';
import {PasswordForm} from './screens/PasswordForm.js';
import {attachablePolicies} from './screens/attachable-policies.js';
import {awsManagedNote, useAwsManagedPolicies, type AwsManagedList} from './hooks/aws-managed.js';
import {PickScreen, type PickRow} from './screens/PickScreen.js';
import {useConnection} from './hooks/connection.js';
import {useMessages} from './hooks/messages.js';
import {useNavigation} from './hooks/navigation.js';
import type {Route} from './hooks/routes.js';
import {useServices} from './hooks/services-context.js';

type UserWriteRouteProps = {
	route: Extract<Route, {screen: 'pick-user-policy' | 'key-limit' | 'password-form' | 'certificate-form'}>;
	index: SnapshotIndex;
	focused: boolean;
	width: number;
	height: number;
	onBack: () => void;
};

/** The policies a user can be given: the same choice groups get (screens/attachable-policies.ts). */
const policyRows = (index: SnapshotIndex, user: string, awsManaged: AwsManagedList): Array<PickRow & {arn: string}> => {
	const attached = new Set(index.userByName.get(user)?.attachedPolicies.map(p => p.arn) ?? []);
	// The kind, then what the policy is about; an AWS managed policy with no more to say is not named twice.
	const rows = attachablePolicies(index, attached, awsManaged.status === 'ok' ? awsManaged.policies : undefined).map(p => {
		const kind = p.type === 'AWS' ? 'AWS managed' : 'customer';
		return {name: p.name, arn: p.arn, detail: p.detail === kind ? kind : `${kind} · ${p.detail}`};
	});
	// A customer policy may share a name with an AWS one: the picker returns names, so make them unique.
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(row.name, (counts.get(row.name) ?? 0) + 1);
	return rows.map(row => (counts.get(row.name)! > 1 ? {...row, name: `${row.name} (${row.arn})`} : row));
};

export function UserWriteRoute(props: UserWriteRouteProps) {
	const {route, index} = props;
	const navigation = useNavigation();
	const services = useServices();
	const {gateway} = useConnection();
	const {flash} = useMessages();
	const common = {focused: props.focused, width: props.width, onBack: props.onBack};
	const toPlan = (plan: Plan) => navigation.replace({screen: 'run-plan', plan});
	const tryPlan = (build: () => Plan) => {
		try {
			toPlan(build());
		} catch (error) {
			flash(describeError(error), 'error');
		}
	};
	const awsManaged = useAwsManagedPolicies(route.screen === 'pick-user-policy');
	const rows = useMemo(() => (route.screen === 'pick-user-policy' ? policyRows(index, route.user, awsManaged) : []), [route, index, awsManaged]);

	switch (route.screen) {
		case 'pick-user-policy':
			return (
				<PickScreen
					{...common}
					height={props.height}
					title={`Attach a managed policy to ${route.user}${awsManagedNote(awsManaged)}`}
					rows={rows}
					multiple={false}
					headers={{name: 'POLICY', detail: 'ABOUT'}}
					emptyText={`${route.user} already has every policy this account lists.`}
					onPick={([name]) => {
						const row = rows.find(r => r.name === name);
						if (row) tryPlan(() => planAttachPolicy(index, {policyArn: row.arn, target: {kind: 'user', name: route.user}}));
					}}
				/>
			);
		case 'key-limit': {
			const {user, keys} = route;
			let refusal = {message: `${user} already has ${keys.length} access keys`, hint: ''};
			try {
				planCreateAccessKey(index, user, keys);
			} catch (error) {
				refusal = {message: error instanceof Error ? error.message : String(error), hint: (error as {hint?: string}).hint ?? ''};
			}
			const oldest = oldestKey(keys);
			const which = oldest ? `${oldest.accessKeyId}, created ${oldest.createDate.slice(0, 10)}` : 'the oldest key';
			return (
				<KeyLimitChoice
					{...common}
					user={user}
					message={refusal.message}
					hint={refusal.hint}
					options={[
						{
							label: `Deactivate the oldest key (${which})`,
							detail: 'The careful way: anything using it is refused from now on, and activating it undoes that. Once nothing broke, delete it and create the new key.',
						},
						{
							label: `Delete the oldest key (${which}), then create a new one`,
							detail: 'Anything still using the old key stops working at once. The new secret is shown once.',
						},
					]}
					onChoose={option => tryPlan(() => (option === 0 ? planDeactivateOldestKey(index, user, keys) : planReplaceOldestKey(index, user, keys)))}
				/>
			);
		}
		case 'password-form': {
			const {user, loginProfile} = route;
			return (
				<PasswordForm
					{...common}
					user={user}
					reset={loginProfile !== null}
					loadPasswordPolicy={() => gateway.passwordPolicy()}
					randomBytes={services.randomBytes}
					buildPlan={(password, passwordResetRequired) =>
						loginProfile
							? planResetPassword(index, {user, password, passwordResetRequired}, loginProfile)
							: planCreateLoginProfile(index, {user, password, passwordResetRequired}, loginProfile)
					}
					onPlan={toPlan}
				/>
			);
		}
		case 'certificate-form': {
			const {user, certificates} = route;
			return (
				<CertificateForm
					{...common}
					user={user}
					readCertificate={file => services.readCertificate(file)}
					generateCertificate={options => services.generateCertificate(options)}
					defaultFolder={defaultSecretFolder()}
					fileWarning={gitTreeWarning}
					buildPlan={pem => planUploadCertificate(index, user, certificates, pem)}
					onPlan={toPlan}
				/>
			);
		}
	}
}
