// Role writes on the Role screen, through the App and the normal confirmation: x takes a principal out of
// the trust policy (the plan shows the trust before/after), A attaches a policy from the same picker users
// and groups use, D on the last trust principal is refused on the status line; in read-only the keys are absent.
import {describe, expect, it} from 'vitest';
import {ACCOUNT, fixtureRoles, fixtureSnapshot} from '../fixtures/account.js';
import {appHarness, writesOf} from '../helpers/app.js';
import {filterTo} from '../helpers/group-steps.js';
import {openRole} from '../helpers/role-steps.js';
import {keys, tick} from '../helpers/render.js';

const ANA = `arn:aws:iam::${ACCOUNT}:user/ana.silva`;
const BEN = `arn:aws:iam::${ACCOUNT}:user/bruno.costa`;
// Deploy trusts two users in one statement, so taking one out leaves a trust policy.
const roles = fixtureRoles.map(r =>
	r.name === 'Deploy'
		? {...r, trustPolicy: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: [ANA, BEN]}, Action: 'sts:AssumeRole'}]})}
		: r,
);
const selectedLine = (frame: string) => frame.split('\n').find(line => line.trimStart().startsWith('› ')) ?? '';
const footer = (frame: string) => frame.split('\n').filter(Boolean).pop() ?? '';

describe('role writes on the Role screen', () => {
	const {start} = appHarness();

	it('x on a trust principal: the plan shows the trust diff, y sends UpdateAssumeRolePolicy, the screen shows the new trust', async () => {
		const {tui, gateway} = start({snapshot: fixtureSnapshot({roles}), columns: 200, rows: 60});
		await openRole(tui, 'Deploy');
		tui.write(keys.tab);
		await tui.waitFor('› Allow sts:AssumeRole');
		tui.write('j');
		await tui.waitForFrame(f => selectedLine(f).includes('ana.silva'));
		tui.write('j');
		await tui.waitForFrame(f => selectedLine(f).includes('bruno.costa'));
		tui.write('x');
		const plan = await tui.waitFor(`Remove ${BEN} from the trust policy of role Deploy`);
		expect(plan).toContain('aws iam update-assume-role-policy --role-name Deploy --policy-document file://Deploy-trust.json');
		expect(plan).toContain('Trust policy of role Deploy (- before, + after)');
		expect(plan).toContain(`-           "${BEN}"`);
		expect(writesOf(gateway)).toEqual([]);
		tui.write('y');
		await tui.waitFor(/done\s+Remove/);
		const after = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {AWS: [ANA]}, Action: 'sts:AssumeRole'}]});
		expect(writesOf(gateway)).toEqual([`updateAssumeRolePolicy:Deploy:${after}`]);
		tui.write(keys.enter);
		await tui.waitFor('Role Deploy');
		const role = await tui.waitForFrame(f => f.includes('principal user ana.silva') && !f.includes('bruno.costa'));
		expect(role).not.toContain('bruno.costa');

		// ana.silva is now the only principal of the only statement: refused, saying why, nothing sent.
		tui.write('g');
		// The top line: the role's hygiene finding (Deploy was never used), above its ARN.
		await tui.waitForFrame(f => selectedLine(f).includes('finding: never used'));
		tui.write(keys.tab);
		await tui.waitFor('› Allow sts:AssumeRole');
		tui.write('j');
		await tui.waitForFrame(f => selectedLine(f).includes('ana.silva'));
		tui.write('x');
		await tui.waitFor('with no statement: IAM requires at least one');
		expect(writesOf(gateway)).toHaveLength(1);
	});

	it('A attaches a managed policy picked from the account\'s policies, through the confirmation', async () => {
		const {tui, gateway} = start({snapshot: fixtureSnapshot({roles}), columns: 200, rows: 60});
		await openRole(tui, 'Deploy');
		tui.write('A');
		await tui.waitFor('Attach a managed policy to role Deploy');
		await filterTo(tui, 'policy/ReadOnlyAccess');
		tui.write(keys.enter);
		const plan = await tui.waitFor('Attach ReadOnlyAccess to role Deploy');
		expect(plan).toContain('aws iam attach-role-policy --role-name Deploy --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess');
		tui.write('y');
		await tui.waitFor(/done\s+Attach ReadOnlyAccess/);
		expect(writesOf(gateway)).toEqual(['attachRolePolicy:Deploy:arn:aws:iam::aws:policy/ReadOnlyAccess']);
		tui.write(keys.enter);
		await tui.waitFor('Managed policies (1)');
	});

	it('i puts an inline policy from a template (checked against the role quota), D deletes the selected one', async () => {
		const {tui, gateway} = start({snapshot: fixtureSnapshot({roles}), columns: 200, rows: 60});
		await openRole(tui, 'Deploy');
		tui.write('i');
		await tui.waitFor('Inline policy for role Deploy: choose a template');
		await filterTo(tui, 'ec2-managers');
		tui.write(keys.enter);
		await tui.waitFor('Inline policy name');
		tui.write('\u0015');
		tui.write('Ec2Managers');
		await tui.waitFor('Ec2Managers');
		tui.write(keys.enter);
		await tui.waitFor('Preview of Ec2Managers — valid');
		await tick();
		tui.write(keys.enter);
		const plan = await tui.waitFor('Put inline policy Ec2Managers on role Deploy');
		expect(plan).toContain('aws iam put-role-policy --role-name Deploy --policy-name Ec2Managers --policy-document file://Ec2Managers.json');
		tui.write('y');
		await tui.waitFor(/done\s+Put inline policy Ec2Managers/);
		expect(writesOf(gateway).map(call => call.split(':').slice(0, 3).join(':'))).toEqual(['putRolePolicy:Deploy:Ec2Managers']);
		tui.write(keys.enter);
		await tui.waitFor('Inline policies (2)');
		await tui.waitFor(/May assume it \(\d/);
		await tick();
		tui.write('g');
		// The top line: the role's hygiene finding (Deploy was never used), above its ARN.
		await tui.waitForFrame(f => selectedLine(f).includes('finding: never used'));
		// tab: the trust statement, who may assume it, the managed policies (none), the inline policies.
		for (const expected of ['Allow sts:AssumeRole', 'user ana.silva  ', 'none', 'deploy-ec2']) {
			tui.write(keys.tab);
			await tui.waitForFrame(f => selectedLine(f).includes(expected));
		}
		tui.write('D');
		const remove = await tui.waitFor('Delete inline policy deploy-ec2 of role Deploy');
		expect(remove).toContain('aws iam delete-role-policy --role-name Deploy --policy-name deploy-ec2');
		tui.write('y');
		await tui.waitFor(/done\s+Delete inline policy deploy-ec2/);
		expect(writesOf(gateway).at(-1)).toBe('deleteRolePolicy:Deploy:deploy-ec2');
	});

	it('D on an opened inline role policy plans its deletion', async () => {
		const {tui, gateway} = start({snapshot: fixtureSnapshot({roles}), columns: 200, rows: 60});
		await openRole(tui, 'Deploy');
		for (const expected of ['Allow sts:AssumeRole', 'user ana.silva  ', 'none', 'deploy-ec2']) {
			tui.write(keys.tab);
			await tui.waitForFrame(f => selectedLine(f).includes(expected));
		}
		tui.write(keys.enter);
		await tui.waitFor('Inline policy deploy-ec2');
		await tick();
		tui.write('D');
		const plan = await tui.waitFor('Delete inline policy deploy-ec2 of role Deploy');
		expect(plan).toContain('ec2:TerminateInstances');
		expect(writesOf(gateway)).toEqual([]);
	});

	it('read-only: the role write keys are absent from the footer and do nothing', async () => {
		const {tui, gateway} = start({snapshot: fixtureSnapshot({roles}), columns: 200, rows: 60, readOnly: true});
		await tui.waitFor('READ-ONLY');
		await openRole(tui, 'Deploy');
		const frame = tui.lastFrame();
		for (const label of ['attach policy', 'detach/delete', 'inline policy', 'remove from trust']) expect(footer(frame)).not.toContain(label);
		tui.write(keys.tab);
		await tui.waitFor('› Allow sts:AssumeRole');
		tui.write('j');
		await tui.waitForFrame(f => selectedLine(f).includes('ana.silva'));
		for (const key of ['x', 'A', 'D', 'i']) tui.write(key);
		await tick();
		const still = await tui.waitFor('Role Deploy');
		expect(still).not.toContain('Attach a managed policy');
		expect(still).not.toContain('from the trust policy of role');
		expect(writesOf(gateway)).toEqual([]);
	});
});
