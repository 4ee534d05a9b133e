// What the demo account holds, as data: the seed creates it and tests assert on it.
// Names look like a real small company; the scenarios are the product's workflows (PRODUCT.md).

export const DEMO_ACCOUNT_ID = '123456789012';
export const DEMO_PASSWORD = 'Demo-Passw0rd!2024';
export const READ_ONLY_ACCESS_ARN = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
export const ADMINISTRATOR_ACCESS_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

export const LIGHTSAIL = {
	policy: 'LightsailFullAccessPolicy',
	group: 'LightsailFullAccessGroup',
	members: ['ana.silva', 'bruno.costa'],
	/** The member with a console password (and MFA). */
	consoleUser: 'ana.silva',
	document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'lightsail:*', Resource: '*'}]},
} as const;

export const SERVICE_ACCOUNT = {
	user: 'rsdash',
	group: 'RightScaleDash',
	inlinePolicy: 'RightScaleDashFullControl',
	document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]},
} as const;

export const DEVELOPER_ACTIONS = [
	'ec2:DescribeInstances',
	'ec2:RunInstances',
	'ec2:StopInstances',
	'ec2:StartInstances',
	'ec2:TerminateInstances',
] as const;

export const DEVELOPERS = {
	group: 'Developers',
	policy: 'EC2DevelopersPolicy',
	members: ['carla.mendes', 'dana.kim', 'eli.cohen', 'hana.sato', 'ivan.petrov', 'li.wei', 'marco.rossi', 'priya.sharma'],
	document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: [...DEVELOPER_ACTIONS], Resource: '*'}]},
} as const;

export const MANAGERS = {
	group: 'Managers',
	policy: 'EC2ManagersPolicy',
	members: ['george.miller', 'julia.novak', 'nina.larsen', 'omar.haddad'],
	document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*'}]},
} as const;

export const ADMINS = {group: 'Admins', members: ['grace.lee'], policyArn: ADMINISTRATOR_ACCESS_ARN} as const;

export const BACKUP = {
	user: 'backup-job',
	group: 'BackupOperators',
	policy: 'BackupBucketAccess',
	document: {
		Version: '2012-10-17',
		Statement: [
			{Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::acme-backups', 'arn:aws:s3:::acme-backups/*']},
		],
	},
} as const;

/** A group nobody is in yet. */
export const EMPTY_GROUP = 'Interns';

/** A tool account with the AWS managed ReadOnlyAccess attached directly (needs MOTO_IAM_LOAD_MANAGED_POLICIES). */
export const READ_ONLY_USER = 'costwatch';

/** A person with an inline policy of their own. */
export const INLINE_USER = {user: 'sara.lindqvist', policy: 'ReportsBucketRead', document: {
	Version: '2012-10-17',
	Statement: [{Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::acme-reports', 'arn:aws:s3:::acme-reports/*']}],
}} as const;

/** Users with an enabled virtual MFA device. */
export const MFA_USERS = ['ana.silva', 'dana.kim', 'grace.lee', 'julia.novak', 'li.wei'] as const;

/** Users with a console password (reset required at first sign-in). */
export const CONSOLE_USERS = ['ana.silva', 'george.miller', 'grace.lee', 'julia.novak', 'tom.baker'] as const;

/** Users with two access keys, the first (older) one Inactive: a rotation half done. */
export const TWO_KEY_USERS = ['ci-deployer', 'marco.rossi'] as const;

/** Users with one active access key. */
export const ONE_KEY_USERS = ['rsdash', 'backup-job', 'costwatch', 'dana.kim', 'tom.baker'] as const;

/** Keys the seed uses once, so "last used" has something to show. */
export const USED_KEY_USERS = ['rsdash', 'ci-deployer'] as const;

/**
 * Someone who left: tagged, still in a group, password and an active key never used. moto cannot
 * backdate a key's CreateDate, so "old" is said by the tags, not the dates.
 */
export const DEPARTED = {user: 'tom.baker', group: 'Developers', leftOn: '2024-03-29'} as const;

export const SERVICE_PATH = '/service/';
export const SERVICE_USERS = ['rsdash', 'ci-deployer', 'backup-job', 'costwatch'] as const;

export const PEOPLE = [
	'ana.silva', 'bruno.costa', 'carla.mendes', 'dana.kim', 'eli.cohen', 'fatima.zahra', 'george.miller', 'hana.sato',
	'ivan.petrov', 'julia.novak', 'kwame.mensah', 'lucia.fernandez', 'marco.rossi', 'nina.larsen', 'omar.haddad',
	'priya.sharma', 'quinn.obrien', 'rafael.gomez', 'sara.lindqvist', 'tom.baker', 'uma.patel', 'victor.huang',
	'wendy.chen', 'xavier.dubois', 'yuki.tanaka', 'zoe.martin', 'li.wei', 'maria.garcia', 'noah.smith', 'olivia.jones',
	'lars.eriksson', 'amara.okafor', 'diego.alvarez', 'emma.wilson', 'felix.wagner', 'grace.lee',
] as const;

export const ALL_USERS: readonly string[] = [...PEOPLE, ...SERVICE_USERS];

export const ALL_GROUPS: readonly string[] = [
	LIGHTSAIL.group, SERVICE_ACCOUNT.group, DEVELOPERS.group, MANAGERS.group, ADMINS.group, BACKUP.group, EMPTY_GROUP,
	// OPS.group, declared with the roles below.
	'Ops',
];

export const CUSTOMER_POLICIES: readonly string[] = [LIGHTSAIL.policy, DEVELOPERS.policy, MANAGERS.policy, BACKUP.policy];

const TEAMS: Record<string, string> = {
	Developers: 'platform',
	Managers: 'management',
	LightsailFullAccessGroup: 'web',
};

/** Tags per user: team from the first group, a cost center for everyone, extra ones for the scenarios. */
export const tagsFor = (user: string): {Key: string; Value: string}[] => {
	const tags: {Key: string; Value: string}[] = [];
	const group = [LIGHTSAIL, DEVELOPERS, MANAGERS].find(g => (g.members as readonly string[]).includes(user));
	if (group) tags.push({Key: 'team', Value: TEAMS[group.group]!});
	if ((SERVICE_USERS as readonly string[]).includes(user)) tags.push({Key: 'kind', Value: 'service-account'}, {Key: 'owner', Value: 'grace.lee'});
	if (user === DEPARTED.user) tags.push({Key: 'status', Value: 'departed'}, {Key: 'left-on', Value: DEPARTED.leftOn});
	if (user.charCodeAt(0) % 3 === 0) tags.push({Key: 'cost-center', Value: `cc-${100 + (user.length % 7)}`});
	return tags;
};

// ---- roles (issue 18, workflow W9) ----

const roleArn = (name: string, path = '/') => `arn:aws:iam::${DEMO_ACCOUNT_ID}:role${path}${name}`;
const trustedBy = (Principal: unknown, Condition?: unknown) => ({
	Version: '2012-10-17',
	Statement: [{Effect: 'Allow', Principal, Action: 'sts:AssumeRole', ...(Condition ? {Condition} : {})}],
});

/** Account-trusted: anyone here whose identity policy allows sts:AssumeRole on it (the Ops group's) may become admin. */
export const ADMIN_ROLE = {
	role: 'Admin',
	arn: roleArn('Admin'),
	policyArn: ADMINISTRATOR_ACCESS_ARN,
	trust: trustedBy({AWS: `arn:aws:iam::${DEMO_ACCOUNT_ID}:root`}),
} as const;

/** Ops: a group whose inline policy may assume Admin; its member is not a developer. */
export const OPS = {
	group: 'Ops',
	members: ['kwame.mensah'],
	inlinePolicy: 'AssumeAdminRole',
	document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ADMIN_ROLE.arn}]},
} as const;

export const READ_ONLY_AUDIT_ROLE = {
	role: 'ReadOnlyAudit',
	arn: roleArn('ReadOnlyAudit'),
	policyArn: READ_ONLY_ACCESS_ARN,
	/** The chain: only the Deploy role may assume it. */
	trust: trustedBy({AWS: roleArn('Deploy')}),
} as const;

/** Trusts one user directly (no identity allow needed), with MFA; may deploy EC2 and assume ReadOnlyAudit. */
export const DEPLOY_ROLE = {
	role: 'Deploy',
	arn: roleArn('Deploy'),
	user: 'ana.silva',
	trust: trustedBy({AWS: `arn:aws:iam::${DEMO_ACCOUNT_ID}:user/ana.silva`}, {Bool: {'aws:MultiFactorAuthPresent': 'true'}}),
	inlinePolicy: 'DeployEc2',
	document: {
		Version: '2012-10-17',
		Statement: [
			{Effect: 'Allow', Action: [...DEVELOPER_ACTIONS], Resource: '*'},
			{Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn('ReadOnlyAudit')},
		],
	},
} as const;

/** What EC2 instances run as (ec2.amazonaws.com), through an instance profile of the same name. */
export const EC2_SERVICE_ROLE = {
	role: 'web-ec2',
	instanceProfile: 'web-ec2',
	trust: trustedBy({Service: 'ec2.amazonaws.com'}),
	inlinePolicy: 'ReadBackups',
	document: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::acme-backups', 'arn:aws:s3:::acme-backups/*']}]},
} as const;

/** Created by CreateServiceLinkedRole (path /aws-service-role/…/), as AWS services do. */
export const SERVICE_LINKED_ROLE = {service: 'autoscaling.amazonaws.com', role: 'AWSServiceRoleForAutoScaling'} as const;

/** A vendor's account may assume it, but only with the agreed external id. */
export const PARTNER_ROLE = {
	role: 'PartnerAudit',
	account: '111122223333',
	externalId: 'acme-partner-7731',
	policyArn: READ_ONLY_ACCESS_ARN,
	trust: trustedBy({AWS: 'arn:aws:iam::111122223333:root'}, {StringEquals: {'sts:ExternalId': 'acme-partner-7731'}}),
} as const;

export const ALL_ROLES: readonly string[] = [
	ADMIN_ROLE.role, DEPLOY_ROLE.role, READ_ONLY_AUDIT_ROLE.role, EC2_SERVICE_ROLE.role, SERVICE_LINKED_ROLE.role, PARTNER_ROLE.role,
];
