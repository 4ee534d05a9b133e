// W4: a restricted tool account whose group carries the "read-only cost tool" template: its effective
// permissions are exactly that template's actions, and nothing else.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {buildAccessModel, effectiveAccess, explain, whoCan} from '../../source/model/access.js';
import {buildIndex} from '../../source/model/indexes.js';
import {parseTemplate, renderTemplate} from '../../source/model/templates.js';

const ACCOUNT = '123456789012';
const POLICY = 'CostReadOnlyTool';
const policyArn = `arn:aws:iam::${ACCOUNT}:policy/${POLICY}`;
const template = parseTemplate('inventory-read-only', readFileSync(new URL('../../templates/inventory-read-only.json', import.meta.url), 'utf8'));
const rendered = renderTemplate(template, {});
if (!rendered.ok) throw new Error(rendered.problems.join('\n'));

const model = buildAccessModel(
	buildIndex({
		loadedAt: '2026-01-01T00:00:00Z',
		users: ['costbot', 'ana'].map((name, i) => ({
			name, id: `AIDA${i}`, arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, path: '/', createDate: '2026-01-01T00:00:00Z',
			groups: name === 'costbot' ? ['CostTool'] : [], attachedPolicies: [], inlinePolicies: [], tags: [],
		})),
		groups: [{
			name: 'CostTool', id: 'AGPA0', arn: `arn:aws:iam::${ACCOUNT}:group/CostTool`, path: '/', createDate: '2026-01-01T00:00:00Z',
			attachedPolicies: [{name: POLICY, arn: policyArn}], inlinePolicies: [],
		}],
		policies: [{
			name: POLICY, arn: policyArn, id: 'ANPA0', path: '/', awsManaged: false, defaultVersionId: 'v1', document: rendered.document,
			attachmentCount: 1, createDate: '2026-01-01T00:00:00Z', updateDate: '2026-01-01T00:00:00Z',
		}],
		roles: [],
		credentialReport: {status: 'ok', generatedAt: null, rows: []},
	}),
);

describe('W4: a tool user whose group carries inventory-read-only', () => {
	it('has exactly the template\'s action patterns, by service, through the group', () => {
		const access = effectiveAccess(model, 'costbot');
		if (!access.ok) throw new Error(access.message);
		const byService = Object.fromEntries(access.services.map(s => [s.service, s.grants.flatMap(g => g.actions).sort()]));
		expect(byService).toEqual({
			ec2: ['ec2:Describe*'],
			iam: ['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*'],
			organizations: ['organizations:Describe*', 'organizations:List*'],
		});
		const grants = access.services.flatMap(s => s.grants);
		expect(grants.every(g => g.resources.length === 1 && g.resources[0] === '*' && !g.conditional && !g.notResource)).toBe(true);
		expect(grants.every(g => g.statement.source.name === POLICY && g.statement.source.viaGroup === 'CostTool')).toBe(true);
		expect(access.services.flatMap(s => s.denies)).toEqual([]);
		expect(access.adminEquivalent).toBe(false);
	});

	it.each([
		['ec2:DescribeInstances', 'Allowed'],
		['ec2:DescribeSecurityGroups', 'Allowed'],
		['iam:GetUser', 'Allowed'],
		['iam:ListUsers', 'Allowed'],
		['iam:GenerateCredentialReport', 'Allowed'],
		['iam:GenerateServiceLastAccessedDetails', 'Allowed'],
		['organizations:DescribeOrganization', 'Allowed'],
		['organizations:ListAccounts', 'Allowed'],
		['ec2:RunInstances', 'ImplicitDeny'],
		['ec2:TerminateInstances', 'ImplicitDeny'],
		['iam:CreateUser', 'ImplicitDeny'],
		['iam:CreateAccessKey', 'ImplicitDeny'],
		['iam:AttachUserPolicy', 'ImplicitDeny'],
		['organizations:CreateAccount', 'ImplicitDeny'],
		['s3:ListAllMyBuckets', 'ImplicitDeny'],
		['ce:GetCostAndUsage', 'ImplicitDeny'],
	])('%s is %s', async (action, decision) => {
		const answer = await explain(model, 'costbot', action);
		if (!answer.ok) throw new Error(answer.message);
		expect(answer.decision).toBe(decision);
	});

	it('a user outside the group has none of it', async () => {
		const answer = await explain(model, 'ana', 'ec2:DescribeInstances');
		expect(answer).toMatchObject({ok: true, decision: 'ImplicitDeny'});
	});

	it('who can ec2:RunInstances: nobody; who can iam:ListUsers: the tool user and its group', async () => {
		const run = await whoCan(model, 'ec2:RunInstances');
		if (!run.ok) throw new Error(run.message);
		expect([...run.users, ...run.groups]).toEqual([]);
		const list = await whoCan(model, 'iam:ListUsers');
		if (!list.ok) throw new Error(list.message);
		expect(list.users.map(u => u.name)).toEqual(['costbot']);
		expect(list.groups.map(g => g.name)).toEqual(['CostTool']);
	});
});
