// The account's password policy, read once when a password form opens, and said in one line.
import {useEffect, useState} from 'react';
import {describeError} from '../../model/errors.js';
import type {PasswordPolicy} from '../../model/gateway.js';
import {IAM_DEFAULT_MINIMUM_LENGTH} from '../../model/password.js';

export type PolicyState = {status: 'loading'} | {status: 'ok'; policy: PasswordPolicy | null} | {status: 'error'; message: string};

/** The policy to check against: null (IAM's defaults) until it is read, or when it cannot be. */
export const policyOf = (state: PolicyState): PasswordPolicy | null => (state.status === 'ok' ? state.policy : null);

export const usePasswordPolicy = (load: () => Promise<PasswordPolicy | null>): PolicyState => {
	const [state, setState] = useState<PolicyState>({status: 'loading'});
	useEffect(() => {
		let live = true;
		load().then(
			policy => live && setState({status: 'ok', policy}),
			(error: unknown) => live && setState({status: 'error', message: describeError(error)}),
		);
		return () => {
			live = false;
		};
		// Once per form: the policy does not change while it is open.
	}, []);
	return state;
};

export const policyText = (state: PolicyState): string => {
	if (state.status === 'loading') return 'Reading the account’s password policy…';
	const defaults = `IAM’s default rules: at least ${IAM_DEFAULT_MINIMUM_LENGTH} characters, three of upper, lower, digits, symbols`;
	if (state.status === 'error') return `Could not read the password policy (${state.message}); checking against ${defaults}`;
	const {policy} = state;
	if (!policy) return `The account has no password policy: ${defaults}`;
	const needs = [
		policy.requireUppercase && 'an uppercase letter',
		policy.requireLowercase && 'a lowercase letter',
		policy.requireNumbers && 'a digit',
		policy.requireSymbols && 'a symbol',
	].filter(Boolean);
	return `Password policy: at least ${policy.minimumLength} characters${needs.length > 0 ? `, ${needs.join(', ')}` : ''}`;
};
