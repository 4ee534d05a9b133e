// What can be attached to a user, group or role: the policies the Policies screen lists (every customer
// managed one, the AWS managed ones already attached), plus every other AWS managed policy (ListPolicies
// Scope=AWS, searched by name) — or, when that list cannot be read, a few that operators often want.
import type {AwsManagedPolicy} from '../../model/gateway.js';
import type {SnapshotIndex} from '../../model/indexes.js';
import {exactNameFirst} from '../../model/match-rank.js';
import {policyRows} from '../../model/views.js';

export interface PolicyChoice {
	name: string;
	arn: string;
	type: 'AWS' | 'customer';
	detail: string;
}

const COMMON_AWS_MANAGED: ReadonlyArray<{name: string; detail: string}> = [
	{name: 'ReadOnlyAccess', detail: 'read-only access to (almost) every service'},
	{name: 'ViewOnlyAccess', detail: 'list and describe resources, no data'},
	{name: 'SecurityAudit', detail: 'read security configuration'},
	{name: 'IAMReadOnlyAccess', detail: 'read IAM'},
	{name: 'IAMUserChangePassword', detail: 'lets a user change their own console password'},
	{name: 'PowerUserAccess', detail: 'everything except IAM and Organizations'},
	{name: 'AdministratorAccess', detail: 'everything'},
];

const awsArn = (name: string) => `arn:aws:iam::aws:policy/${name}`;

/** Policies to pick from, minus `exclude` (ARNs already attached); customer managed first. */
export const attachablePolicies = (index: SnapshotIndex, exclude: ReadonlySet<string> = new Set(), awsManaged?: AwsManagedPolicy[]): PolicyChoice[] => {
	const listed: PolicyChoice[] = policyRows(index).map(row => ({
		name: row.name,
		arn: row.arn,
		type: row.type,
		detail: index.policyByArn.get(row.arn)?.description ?? `attached ${row.attachmentCount}×`,
	}));
	const known = new Set(listed.map(p => p.arn));
	const details = new Map(COMMON_AWS_MANAGED.map(p => [awsArn(p.name), p.detail]));
	const others = awsManaged ?? COMMON_AWS_MANAGED.map(p => ({name: p.name, arn: awsArn(p.name)}));
	const common: PolicyChoice[] = others
		.filter(p => !known.has(p.arn))
		.map(p => ({name: p.name, arn: p.arn, type: 'AWS', detail: details.get(p.arn) ?? 'AWS managed'}));
	const order = (p: PolicyChoice) => (p.type === 'customer' ? 0 : 1);
	return [...listed, ...common].filter(p => !exclude.has(p.arn)).sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
};

/** Rows whose name, ARN, type or detail holds the query; an exact name first, then names starting with it. */
export const filterPolicyChoices = <Row extends PolicyChoice>(rows: Row[], query: string): Row[] => {
	const q = query.trim().toLowerCase();
	if (!q) return rows;
	const found = rows.filter(r => [r.name, r.arn, r.type, r.detail].some(text => text.toLowerCase().includes(q)));
	return exactNameFirst(found, q, row => row.name);
};
