// The Offboard screen with roles (issue 18 item 4): the inventory shows the roles the user can assume and
// the trust policies naming them; the plan shows the trust step with its aws line and the JSON diff, says
// why a trust naming only the user is left as it is, and sends the trust edit before DeleteUser.
import {describe, expect, it} from 'vitest';
import type {Role} from '../../source/model/snapshot.js';
import {ACCOUNT, fixtureRoles, fixtureSnapshot} from '../fixtures/account.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {keys} from '../helpers/render.js';

const ANA = 'ana.silva';
const ANA_ARN = `arn:aws:iam::${ACCOUNT}:user/${ANA}`;
const OTHER_ARN = `arn:aws:iam::${ACCOUNT}:user/bob.jones`;
const deploy = fixtureRoles.find(r => r.name === 'Deploy')!;
// A role two people may assume: ana is taken out, the other stays.
const shared: Role = {
	...deploy,
	name: 'Shared',
	id: 'AROASHARED',
	arn: `arn:aws:iam::${ACCOUNT}:role/Shared`,
	path: '/',
	trustPolicy: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: [ANA_ARN, OTHER_ARN]}, Action: 'sts:AssumeRole'}]}),
};

const harness = appHarness();

describe('offboarding screen: roles', () => {
	it('lists the roles and trusts, shows the trust step and its diff, and sends it before DeleteUser', async () => {
		const {tui, gateway} = harness.start({snapshot: fixtureSnapshot({roles: [...fixtureRoles, shared]}), columns: 160, rows: 120});
		await tui.waitFor('Users (12)');
		tui.write(keys.enter);
		await tui.waitFor(`User ${ANA}`);
		tui.write('O');
		const frame = await tui.waitFor('Trust policies naming ana.silva (- before, + after)');
		expect(frame).toMatch(/Roles ana\.silva can assume \(2; a role reached from these by chaining ends with them\):/);
		expect(frame).toMatch(/Deploy — Conditional; trust names ana\.silva directly, left as it is \(see the notes\): ends when ana\.silva is deleted/);
		expect(frame).toMatch(/if aws:MultiFactorAuthPresent Bool true \(trust policy\)/);
		expect(frame).toMatch(/Shared — yes; trust names ana\.silva directly: taken out by the trust step/);
		expect(frame).toMatch(/Trust policies naming ana\.silva directly \(2\): Deploy, Shared — AWS turns that principal into a dangling unique id/);
		expect(frame).toContain('Take ana.silva out of the trust policy of role Shared');
		expect(frame).toContain('aws iam update-assume-role-policy --role-name Shared --policy-document file://Shared-trust.json');
		expect(frame).toMatch(/role Deploy: trust NOT changed — ana\.silva is its only principal/);
		// The note is wrapped, not cut: its end (what to do) is on screen.
		expect(frame.replace(/\s+/g, ' ')).toContain('if nobody needs the role, delete it: aws iam delete-role --role-name Deploy (after its policies and instance profiles are removed)');
		expect(frame).toMatch(new RegExp(`- +"${ANA_ARN}",`));
		expect(writesOf(gateway)).toEqual([]);

		await tui.type(ANA);
		tui.write(keys.enter);
		await tui.waitFor(`${ANA} is offboarded`);
		const writes = writesOf(gateway).map(w => w.split(':')[0]);
		expect(writes).toContain('updateAssumeRolePolicy');
		expect(writes.indexOf('updateAssumeRolePolicy')).toBeLessThan(writes.indexOf('deleteUser'));
		expect(writes.filter(w => w === 'updateAssumeRolePolicy')).toHaveLength(1);
	});
});
