// The key rotation route: gives RotationWizard the user's keys from IAM, the rotation store (bound to
// this account and user) and the plan runner as actions, so the screen itself only takes props.
import {useMemo} from 'react';
import {describeError, isIamError} from '../model/errors.js';
import type {AccessKeyDetail} from '../model/gateway.js';
import type {SnapshotIndex} from '../model/indexes.js';
import {reconcileRotation, startRotation} from '../model/rotation.js';
import {RotationWizard, type RotationActions} from './screens/RotationWizard.js';
import type {SettledRotation} from './screens/rotation-state.js';
import {useConnection} from './hooks/connection.js';
import {useNavigation} from './hooks/navigation.js';
import {useServices} from './hooks/services-context.js';

type RotationRouteProps = {name: string; index: SnapshotIndex; focused: boolean; width: number; height: number; onBack: () => void};

export function RotationRoute(props: RotationRouteProps) {
	const {name, index} = props;
	const services = useServices();
	const {gateway, identity, identityError} = useConnection();
	const navigation = useNavigation();
	const account = identity?.account;
	// Undefined until we know the account: rotations are kept per account.
	const actions = useMemo<RotationActions | undefined>(() => {
		if (!account) return undefined;
		/** The stored stage reconciled with the keys IAM lists (and saved when it moved). */
		const settle = (keys: AccessKeyDetail[]): SettledRotation => {
			const now = services.now();
			try {
				const stored = services.rotations.get(account, name);
				if (!stored) return {status: 'ready', keys, progress: startRotation(index, name, keys, {account, now}), stored: false};
				const {progress, problem} = reconcileRotation(stored, keys, now);
				if (progress.stage === 'done') services.rotations.remove(account, name);
				else if (progress !== stored) services.rotations.save(progress);
				return {status: 'ready', keys, progress, stored: progress.stage !== 'done', ...(problem ? {problem} : {})};
			} catch (error) {
				return {status: 'refused', keys, message: isIamError(error) ? error.message : describeError(error), ...(isIamError(error) && error.hint ? {hint: error.hint} : {})};
			}
		};
		return {
			readKeys: () => gateway.accessKeys(name),
			settle,
			save: progress => services.rotations.save(progress),
			forget: () => services.rotations.remove(account, name),
			now: () => services.now(),
			runPlan: plan => navigation.push({screen: 'run-plan', plan}),
		};
	}, [account, gateway, name, index, services, navigation]);
	return <RotationWizard {...props} {...(actions ? {actions} : {})} {...(identityError === undefined ? {} : {identityError})} />;
}
