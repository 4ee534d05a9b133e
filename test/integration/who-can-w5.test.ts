// W5 through the real gateway against moto: the seeded account's snapshot, loaded as the TUI loads it,
// answers "who can ec2:TerminateInstances" with the developers and not the managers; after a developer
// is removed from Developers (RemoveUserFromGroup through the gateway) a fresh snapshot no longer lists
// them. `can USER ACTION` (the headless command's code path) answers one allowed and one denied case.
import {expect, it} from 'vitest';
import {createGateway} from '../../source/aws/gateway.js';
import {canCommand} from '../../source/commands/access.js';
import {buildAccessModel, explain, whoCan, type WhoCanAnswer} from '../../source/model/access.js';
import {buildIndex} from '../../source/model/indexes.js';
import {ADMINS, DEPARTED, DEPLOY_ROLE, DEVELOPERS, MANAGERS, OPS, SERVICE_ACCOUNT} from '../../scripts/seed.js';
import {describeWithMoto, useSeededDemoMoto} from '../helpers/with-moto.js';

const TERMINATE = 'ec2:TerminateInstances';
// Everyone else who may terminate instances: the admins (AdministratorAccess), the service account (* on *),
// and the demo's role paths (W9): Ops members through the Admin role, the Deploy role's trusted user.
const OTHERS = [...ADMINS.members, SERVICE_ACCOUNT.user, ...OPS.members, DEPLOY_ROLE.user];
const developers = [...DEVELOPERS.members, DEPARTED.user];

describeWithMoto('who can (W5) through the real gateway', () => {
	const {moto} = useSeededDemoMoto();
	const gateway = () => createGateway({endpoint: moto().endpoint, maxAttempts: 2});
	const accessModel = async () => buildAccessModel(buildIndex(await gateway().loadSnapshot()));
	const whoCanTerminate = async (): Promise<WhoCanAnswer> => {
		const answer = await whoCan(await accessModel(), TERMINATE);
		if (!answer.ok) throw new Error(answer.message);
		return answer;
	};

	it('lists the developers (through Developers) and not the managers; removing one from Developers drops them', async () => {
		const before = await whoCanTerminate();
		const users = before.users.map(u => u.name);
		expect(users.slice().sort()).toEqual([...developers, ...OTHERS].sort());
		for (const manager of MANAGERS.members) expect(users).not.toContain(manager);
		const dana = before.users.find(u => u.name === 'dana.kim')!;
		expect(dana.decision).toBe('Allowed');
		expect(dana.via.map(v => [v.statement.source.viaGroup, v.statement.source.name, v.statement.statementIndex])).toEqual([
			[DEVELOPERS.group, DEVELOPERS.policy, 1],
		]);
		expect(before.groups.map(g => g.name)).toContain(DEVELOPERS.group);
		expect(before.groups.map(g => g.name)).not.toContain(MANAGERS.group);

		await gateway().removeUserFromGroup({user: 'dana.kim', group: DEVELOPERS.group});
		const after = await whoCanTerminate();
		expect(after.users.map(u => u.name).sort()).toEqual([...developers, ...OTHERS].filter(u => u !== 'dana.kim').sort());
		// The group still grants it to its remaining members.
		expect(after.groups.map(g => g.name)).toContain(DEVELOPERS.group);
	});

	it('can USER ACTION: a developer may terminate (exit 0), a manager may not (exit 1), naming the statement', async () => {
		const model = await accessModel();
		const allowed = await explain(model, 'dana.kim', TERMINATE);
		expect(allowed).toMatchObject({ok: true, decision: 'Allowed', statements: [{source: {viaGroup: DEVELOPERS.group, name: DEVELOPERS.policy}, statementIndex: 1, effect: 'Allow'}]});
		const denied = await explain(model, MANAGERS.members[0], TERMINATE);
		expect(denied).toMatchObject({ok: true, decision: 'ImplicitDeny', statements: []});
		// The manager's own grant still answers for what it covers.
		expect(await explain(model, MANAGERS.members[0], 'ec2:DescribeInstances')).toMatchObject({ok: true, decision: 'Allowed'});

		// The headless command's path: gateway → snapshot → explain → exit code and JSON.
		const yes = await canCommand(gateway(), 'dana.kim', TERMINATE, undefined, true);
		expect(yes.exitCode).toBe(0);
		expect(JSON.parse(yes.stdout)).toMatchObject({UserName: 'dana.kim', Action: TERMINATE, Decision: 'Allowed', Statements: [{GroupName: DEVELOPERS.group, PolicyName: DEVELOPERS.policy}]});
		const no = await canCommand(gateway(), MANAGERS.members[0], TERMINATE, undefined, true);
		expect(no.exitCode).toBe(1);
		expect(JSON.parse(no.stdout)).toMatchObject({Decision: 'ImplicitDeny', Statements: []});
	});
});
