// Access through roles in the TUI: WhoCan lists the developer through the Admin role with the whole path,
// the Deploy user as Conditional (MFA), roles as rows of their own and trust outside the account named;
// Explain on the Access view shows "through role X" when the direct answer is a deny.
import {describe, expect, it, vi} from 'vitest';
import {buildAccessModel} from '../../source/model/access.js';
import {AccessScreen} from '../../source/ui/screens/AccessScreen.js';
import {WhoCanScreen} from '../../source/ui/screens/WhoCanScreen.js';
import {ROOT, accountWithRoles, allow, policy, roleArn, trustPolicy, trusts, userArn} from '../fixtures/roles.js';
import {keys, renderTui} from '../helpers/render.js';

const model = buildAccessModel(
	accountWithRoles({
		users: {dev: {groups: ['Developers']}, ops: {}, nobody: {}},
		groups: {Developers: {inline: {AssumeAdmin: policy(allow('sts:AssumeRole', roleArn('Admin')))}}},
		roles: {
			Admin: {trust: trustPolicy(trusts(ROOT)), inline: {Everything: policy(allow('*'))}},
			Deploy: {trust: trustPolicy(trusts(userArn('ops'), {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}})), inline: {Terminate: policy(allow('ec2:TerminateInstances'))}},
			Partner: {trust: trustPolicy(trusts('arn:aws:iam::999988887777:root')), inline: {Ec2: policy(allow('ec2:*'))}},
		},
	}),
);
const size = {focused: true, width: 200, height: 40};
const noop = () => {};

describe('who-can and explain through roles (TUI)', () => {
	it('WhoCan shows the role path, the conditional trust, role rows and outside trust; enter opens the user on the group', async () => {
		const onOpenUser = vi.fn();
		const tui = renderTui(<WhoCanScreen {...size} model={model} onOpenUser={onOpenUser} onOpenGroup={noop} onBack={noop} />, {columns: 200, rows: 40});
		await tui.waitFor('Who can…');
		await tui.type('ec2:TerminateInstances');
		await tui.waitFor('do ec2:TerminateInstances');
		tui.write(keys.enter);
		const frame = await tui.waitFor(/Users who can ec2:TerminateInstances on \* \(2\)/);
		expect(frame).toContain(
			'through role Admin: group Developers → inline policy AssumeAdmin → statement #1 → assume role Admin (trust statement #1: the account) → inline policy Everything → statement #1',
		);
		expect(frame).toMatch(/ops {2}Conditional/);
		expect(frame).toContain('through role Deploy (Conditional): assume role Deploy (trust statement #1: names user ops) → inline policy Terminate → statement #1');
		expect(frame).toContain('if aws:MultiFactorAuthPresent Bool true (trust policy)');
		expect(frame).toMatch(/Roles whose policies grant it \(3\)[\s\S]*Admin[\s\S]*Deploy[\s\S]*Partner/);
		expect(frame).toContain('account arn:aws:iam::999988887777:root (another account) — trusted by Partner');
		expect(frame).not.toMatch(/nobody/);
		// Each person's best path only (a large account has thousands per person): the screen says so.
		expect(frame).toContain('through roles: the best path of each (Allowed first, then fewest roles)');
		tui.write(keys.enter);
		await vi.waitFor(() => expect(onOpenUser).toHaveBeenCalledWith('dev', {section: 'groups', value: 'Developers'}));
		tui.unmount();
	});

	it('at 80 columns the selected role path, cut in the list, is shown whole below it', async () => {
		const tui = renderTui(<WhoCanScreen focused width={80} height={22} model={model} onOpenUser={noop} onOpenGroup={noop} onBack={noop} />, {columns: 80, rows: 22});
		await tui.waitFor('Who can…');
		await tui.type('ec2:TerminateInstances');
		await tui.waitFor('do ec2:TerminateInstances');
		tui.write(keys.enter);
		const listed = await tui.waitFor(/Users who can ec2:TerminateInstances on \* \(2\)/);
		// The list cuts the path at the width; nothing below it yet (the user's own line fits).
		expect(listed).toMatch(/through role Admin: group Developers → inline policy AssumeAdmin → .*…/);
		expect(listed.replace(/\n +/g, ' ')).not.toContain('assume role Admin (trust statement #1: the account) → inline policy Everything');
		tui.write('j');
		const whole = (await tui.waitFor(/› +through role Admin/)).replace(/\n +/g, ' ');
		expect(whole).toContain(
			'through role Admin: group Developers → inline policy AssumeAdmin → statement #1 → assume role Admin (trust statement #1: the account) → inline policy Everything → statement #1',
		);
		tui.unmount();
	});

	it('Explain: denied directly, allowed through role Admin with the path', async () => {
		const tui = renderTui(<AccessScreen {...size} model={model} name="dev" onBack={noop} />, {columns: 200, rows: 40});
		await tui.waitFor('Access of dev');
		await tui.waitFor('may assume roles: Admin (e asks what they allow)');
		tui.write('e');
		await tui.waitFor('can dev do');
		await tui.type('ec2:TerminateInstances');
		await tui.waitFor('do ec2:TerminateInstances');
		tui.write(keys.enter);
		const frame = await tui.waitFor('— ec2:TerminateInstances on *');
		expect(frame).toContain('Denied (implicit) directly — ec2:TerminateInstances on *');
		expect(frame).toContain('through role Admin: Allowed: group Developers → inline policy AssumeAdmin → statement #1 → assume role Admin');
		tui.unmount();
	});

	it('the Access view names the roles a user may assume, Conditional when the trust has a condition; none for others', async () => {
		const ops = renderTui(<AccessScreen {...size} model={model} name="ops" onBack={noop} />, {columns: 200, rows: 40});
		await ops.waitFor('may assume roles: Deploy (Conditional)');
		ops.unmount();
		const nobody = renderTui(<AccessScreen {...size} model={model} name="nobody" onBack={noop} />, {columns: 200, rows: 40});
		const frame = await nobody.waitFor('Access of nobody');
		await new Promise(resolve => setTimeout(resolve, 200));
		expect(nobody.lastFrame()).not.toContain('may assume');
		expect(frame).not.toContain('may assume');
		nobody.unmount();
	});
});
