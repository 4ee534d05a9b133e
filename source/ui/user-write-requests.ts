// What a write asked for on the User screen leads to: a plan to confirm (run-plan), a form that asks
// first (password, certificate, the key-limit choice, the policy picker), or a one-line refusal on the
// status line when the plan builder says IAM would refuse it. Nothing is sent from here.
import {describeError} from '../model/errors.js';
import type {SnapshotIndex} from '../model/indexes.js';
import {planDeleteCertificate} from '../model/plans/certificates.js';
import {planAccessKeyStatus, planCreateAccessKey, planDeleteAccessKey, planRemoveLoginProfile} from '../model/plans/credentials.js';
import {planDeleteInlinePolicy} from '../model/plans/inline-policies.js';
import {planDetachPolicy} from '../model/plans/policies.js';
import type {Plan} from '../model/plans/types.js';
import {MAX_ACCESS_KEYS, MAX_SIGNING_CERTIFICATES} from '../model/validate.js';
import type {UserWrite} from './screens/user-credentials.js';
import type {Route} from './hooks/routes.js';

export interface UserWriteContext {
	index: SnapshotIndex;
	push: (route: Route) => void;
	flash: (text: string, tone?: 'info' | 'error') => void;
}

export const handleUserWrite = (context: UserWriteContext, write: UserWrite): void => {
	const {index, push, flash} = context;
	const confirm = (build: () => Plan) => {
		try {
			push({screen: 'run-plan', plan: build()});
		} catch (error) {
			flash(describeError(error), 'error');
		}
	};
	const {user} = write;
	switch (write.kind) {
		case 'create-key':
			if (write.keys.length >= MAX_ACCESS_KEYS) return push({screen: 'key-limit', user, keys: write.keys});
			return confirm(() => planCreateAccessKey(index, user, write.keys));
		case 'key-status': {
			const key = write.keys.find(k => k.accessKeyId === write.accessKeyId);
			const status = key?.status === 'Inactive' ? 'Active' : 'Inactive';
			return confirm(() => planAccessKeyStatus(index, user, write.keys, write.accessKeyId, status));
		}
		case 'delete-key':
			return confirm(() => planDeleteAccessKey(index, user, write.keys, write.accessKeyId));
		case 'password':
			return push({screen: 'password-form', user, loginProfile: write.loginProfile});
		case 'remove-password':
			return confirm(() => planRemoveLoginProfile(index, user, write.loginProfile));
		case 'attach-policy':
			return push({screen: 'pick-user-policy', user});
		case 'detach-policy':
			return confirm(() => planDetachPolicy(index, {policyArn: write.policyArn, target: {kind: 'user', name: user}}));
		case 'delete-inline':
			return confirm(() => planDeleteInlinePolicy(index, {kind: 'user', name: user}, write.policyName));
		case 'certificate':
			// Said before the operator picks a file or generates a key, not after.
			if (write.certificates.length >= MAX_SIGNING_CERTIFICATES)
				return flash(`${user} already has ${write.certificates.length} signing certificates, IAM's limit per user — delete one first (select it, d)`, 'error');
			return push({screen: 'certificate-form', user, certificates: write.certificates});
		case 'delete-certificate':
			return confirm(() => planDeleteCertificate(index, user, write.certificates, write.certificateId));
	}
};
