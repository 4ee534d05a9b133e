// An account's load and SCPs in a few words, as `iamtui accounts` and the TUI's :accounts list show them.
import type {AccountLoad, AccountOutcome} from './org-load.js';
import {scpsOnPath} from './org-load.js';

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "loaded (3 users, 2 roles)", "FAILED: assume role", "skipped". */
export const loadCell = (load: AccountLoad): string => {
	switch (load.kind) {
		case 'loaded':
			return `loaded (${count(load.snapshot.users.length, 'user')}, ${count(load.snapshot.roles.length, 'role')}${load.roleArn ? '' : ', as you'})`;
		case 'failed':
			return load.step === 'assume-role' ? 'FAILED: assume role' : 'FAILED: read IAM';
		case 'skipped':
			return 'skipped';
	}
};

/** SCP names on the path, each with where it hangs (NAME@TARGET); the management account is exempt, as in AWS. */
export const scpCell = (managementAccountId: string, outcome: Pick<AccountOutcome, 'account' | 'path'>): string => {
	if (outcome.account.id === managementAccountId) return 'exempt (management account)';
	return scpsOnPath(outcome.path).map(({scp, target}) => `${scp.name}@${target.name}`).join(', ') || '-';
};
