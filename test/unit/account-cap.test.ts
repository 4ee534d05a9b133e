// One principal's answer in a member account (account-cap.ts): the widest reach, then what the real SCP and RCP
// verdicts on the account's path leave of it — the management account and service-linked roles exempt, a request
// context settling a conditional SCP. Shared by `can --org --account` and the Account screen's Explain.
import {describe, expect, it} from 'vitest';
import type {RolePath} from '../../source/model/access/types.js';
import {accountCap, capReach, cappedLines, widestReach} from '../../source/model/org/account-cap.js';
import {DEV, denyTerminate, MANAGEMENT, orgWith, PROD, scp} from '../fixtures/org-shape.js';

const onlyInEu = scp('OnlyInEU', {Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: {StringNotEquals: {'aws:RequestedRegion': 'eu-west-1'}}});
const organization = orgWith([denyTerminate], [onlyInEu]);

const role = (id: string, path = '/') => ({kind: 'role', arn: `arn:aws:iam::${id}:role${path}Admin`});
const prod = {id: PROD, name: 'prod'};
const dev = {id: DEV, name: 'dev'};
const path = (decision: RolePath['decision']) => ({decision}) as RolePath;

describe('widestReach', () => {
	it('Allowed directly or through any role wins; a role path otherwise makes it Conditional; else the direct decision', () => {
		expect(widestReach('Allowed', [])).toBe('Allowed');
		expect(widestReach('ImplicitDeny', [path('Allowed')])).toBe('Allowed');
		expect(widestReach('ExplicitDeny', [path('Conditional')])).toBe('Conditional');
		expect(widestReach('Conditional', [])).toBe('Conditional');
		expect(widestReach('ExplicitDeny', [])).toBe('ExplicitDeny');
	});
});

describe('capReach', () => {
	it("an Allow in the prod OU meets its SCP's deny: ExplicitDeny, the note naming the SCP and the OU", async () => {
		const capped = await capReach(accountCap(organization, prod), role(PROD), 'Allowed', 'ec2:TerminateInstances', '*');
		expect(capped).toMatchObject({reach: 'Allowed', effective: 'ExplicitDeny', serviceLinked: false});
		expect(capped.notes).toEqual(['denied here by SCP DenyTerminate on OU Prod']);
		expect(cappedLines(prod, capped)).toEqual({head: `in account prod (${PROD}): ExplicitDeny after SCPs and RCPs`, changed: true, notes: capped.notes});
	});

	it('what the SCP does not name stays as the account answers it, with nothing to say', async () => {
		const capped = await capReach(accountCap(organization, prod), role(PROD), 'Allowed', 'ec2:DescribeInstances', '*');
		expect(capped).toMatchObject({effective: 'Allowed', notes: []});
		expect(cappedLines(prod, capped)).toEqual({head: `in account prod (${PROD}): Allowed`, changed: false, notes: []});
	});

	it('a service-linked role is not limited by SCPs, and the line says so', async () => {
		const capped = await capReach(accountCap(organization, prod), role(PROD, '/aws-service-role/ec2.amazonaws.com/'), 'Allowed', 'ec2:TerminateInstances', '*');
		expect(capped).toMatchObject({effective: 'Allowed', serviceLinked: true, notes: []});
		expect(cappedLines(prod, capped).head).toBe(`in account prod (${PROD}): Allowed (a service-linked role: SCPs and RCPs do not limit it)`);
	});

	it('the management account is exempt', async () => {
		const capped = await capReach(accountCap(organization, {id: MANAGEMENT, name: 'management'}), role(MANAGEMENT), 'Allowed', 'ec2:TerminateInstances', '*');
		expect(capped.effective).toBe('Allowed');
		expect(capped.scp.kind).toBe('exempt');
	});

	it('an SCP conditional on the region makes an Allow Conditional without context; the context settles it either way', async () => {
		const open = await capReach(accountCap(organization, dev), role(DEV), 'Allowed', 's3:PutObject', '*');
		expect(open.effective).toBe('Conditional');
		expect(open.notes[0]).toContain('SCPs allow it only under conditions (OnlyInEU on OU Dev)');

		const us = await capReach(accountCap(organization, dev, {'aws:RequestedRegion': 'us-east-1'}), role(DEV), 'Allowed', 's3:PutObject', '*');
		expect(us.effective).toBe('ExplicitDeny');
		expect(us.notes[0]).toContain('decided by aws:RequestedRegion=us-east-1');

		const eu = await capReach(accountCap(organization, dev, {'aws:RequestedRegion': 'eu-west-1'}), role(DEV), 'Allowed', 's3:PutObject', '*');
		expect(eu.effective).toBe('Allowed');
		expect(eu.notes[0]).toContain('SCPs let it through with the context given');
	});

	it('a deny in the account stays a deny whatever the SCPs say', async () => {
		const capped = await capReach(accountCap(organization, dev), role(DEV), 'ImplicitDeny', 'ec2:DescribeInstances', '*');
		expect(capped.effective).toBe('ImplicitDeny');
	});
});
