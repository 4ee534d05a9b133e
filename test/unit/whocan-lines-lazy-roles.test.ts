// Who-can's lines in a large account: most users reach the action through a role on an Allowed path, which has
// no condition lines, so their line is known without the path — built (and put in words) when the line is drawn.
// A Conditional path's conditions are lines of their own: that path is built at once. W9's account: dev reaches
// ec2:TerminateInstances through the account-trusted Admin role (Allowed); ops through Deploy, whose trust asks for MFA.
import {expect, it, vi} from 'vitest';
import {buildAccessModel, whoCan} from '../../source/model/access.js';
import * as words from '../../source/model/access/role-path-text.js';
import {whoCanLines} from '../../source/ui/screens/whocan-lines.js';
import {ROOT, accountWithRoles, allow, policy, roleArn, trustPolicy, trusts, userArn} from '../fixtures/roles.js';

vi.mock('../../source/model/access/role-path-text.js', async importOriginal => {
	const real = await importOriginal<typeof words>();
	return {...real, rolePathText: vi.fn(real.rolePathText), rolePathConditions: vi.fn(real.rolePathConditions)};
});

const MFA = {Condition: {Bool: {'aws:MultiFactorAuthPresent': 'true'}}};

it("an Allowed path through roles is put in words when its line is drawn; a Conditional one's conditions are lines at once", async () => {
	const index = accountWithRoles({
		users: {dev: {groups: ['Developers']}, ops: {}},
		groups: {Developers: {inline: {AssumeAdmin: policy(allow('sts:AssumeRole', roleArn('Admin')))}}},
		roles: {
			Admin: {trust: trustPolicy(trusts(ROOT)), inline: {Everything: policy(allow('*'))}},
			Deploy: {trust: trustPolicy(trusts(userArn('ops'), MFA)), inline: {Terminate: policy(allow('ec2:TerminateInstances'))}},
		},
	});
	const answer = await whoCan(buildAccessModel(index), 'ec2:TerminateInstances');
	if (!answer.ok) throw new Error(answer.message);
	const opened: string[] = [];
	const lines = whoCanLines(answer, {user: (name, focus) => opened.push(`${name} ${focus?.value ?? ''}`), group: () => {}});
	// Only ops's path was read: its MFA condition is a line of its own.
	expect(vi.mocked(words.rolePathConditions).mock.calls.map(([path]) => path.role)).toEqual(['Deploy']);
	expect(vi.mocked(words.rolePathText).mock.calls.map(([path]) => path.role)).toEqual(['Deploy']);
	const userLines = lines.filter(line => /^user-(dev|ops)/.test(line.key)).map(line => [line.key, line.dim ?? false, line.tone]);
	expect(userLines).toEqual([
		['user-dev', false, undefined],
		['user-dev-role-0', true, undefined],
		['user-ops', false, 'warning'],
		['user-ops-role-0', false, 'warning'],
		['user-ops-role-0-if-0', false, 'warning'],
	]);
	const devRole = lines.find(line => line.key === 'user-dev-role-0')!;
	expect(devRole.text).toBe('    through role Admin: group Developers → inline policy AssumeAdmin → statement #1 → assume role Admin (trust statement #1: the account) → inline policy Everything → statement #1');
	expect(devRole.text).toBe(devRole.text);
	expect(vi.mocked(words.rolePathText).mock.calls.map(([path]) => path.role)).toEqual(['Deploy', 'Admin']);
	expect(lines.find(line => line.key === 'user-ops-role-0-if-0')!.text).toBe('      if aws:MultiFactorAuthPresent Bool true (trust policy)');
	// Enter on dev's line, or on the role line, opens dev on the group that lets them assume the role.
	lines.find(line => line.key === 'user-dev')!.open!();
	devRole.open!();
	expect(opened).toEqual(['dev Developers', 'dev Developers']);
});
