// An AWS Organization as plain data: what SCP evaluation needs, nothing read from AWS here.

export interface ServiceControlPolicy {
	id: string;
	name: string;
	document: unknown;
}

export type TargetKind = 'root' | 'ou' | 'account';

export interface OrgTarget {
	id: string;
	name: string;
	kind: TargetKind;
	scps: ServiceControlPolicy[];
	/** Resource control policies attached here (same shape as an SCP); absent when not read. */
	rcps?: ServiceControlPolicy[];
}

export interface OrgUnit extends OrgTarget {
	kind: 'ou';
	ous: OrgUnit[];
	accounts: OrgAccount[];
}

export interface OrgAccount extends OrgTarget {
	kind: 'account';
	/** ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED… as Organizations says it; absent when it did not. */
	status?: string;
}

export interface OrgRoot extends OrgTarget {
	kind: 'root';
	ous: OrgUnit[];
	accounts: OrgAccount[];
}

export interface Organization {
	/** o-…: what aws:PrincipalOrgID and aws:ResourceOrgID hold for the principals and resources inside. */
	id?: string;
	managementAccountId: string;
	root: OrgRoot;
}

/** Root, each OU down to the account, then the account itself; undefined if the account is not in the tree. */
export const pathToAccount = (org: Organization, accountId: string): OrgTarget[] | undefined => {
	const search = (node: OrgRoot | OrgUnit, above: OrgTarget[]): OrgTarget[] | undefined => {
		const here = [...above, node];
		const account = node.accounts.find(a => a.id === accountId);
		if (account) return [...here, account];
		for (const ou of node.ous) {
			const found = search(ou, here);
			if (found) return found;
		}
		return undefined;
	};
	return search(org.root, []);
};
