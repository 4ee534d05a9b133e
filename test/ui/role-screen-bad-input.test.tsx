// The Role screen and the Roles list with roles whose trust is bad input (a snapshot fixture: IAM would
// refuse most of these on write, an export or an old account can still carry them): each shown as such.
import {describe, expect, it} from 'vitest';
import {buildIndex} from '../../source/model/indexes.js';
import type {Role} from '../../source/model/snapshot.js';
import {RoleScreen} from '../../source/ui/screens/RoleScreen.js';
import {RolesScreen} from '../../source/ui/screens/RolesScreen.js';
import {ACCOUNT, FIXTURE_NOW, fixtureRoles, fixtureSnapshot} from '../fixtures/account.js';
import {roleArn, roleOf, trustPolicy, trusts} from '../fixtures/roles.js';
import {renderTui} from '../helpers/render.js';

const LONG = `${'a'.repeat(30)}-${'b'.repeat(29)}+=@,`;
const used = (role: Role): Role => ({...role, lastUsed: {date: FIXTURE_NOW.toISOString()}});
const bad: Role[] = [
	used(roleOf('Fence', {trust: trustPolicy({Effect: 'Allow', NotPrincipal: {AWS: `arn:aws:iam::${ACCOUNT}:user/eve`}, Action: 'sts:AssumeRole'})})),
	used(roleOf('Federal', {trust: trustPolicy(trusts({Federated: ''}, {Action: 'sts:AssumeRoleWithWebIdentity'}))})),
	used(roleOf('Dangling', {trust: trustPolicy(trusts({AWS: ['AIDAEXAMPLEDELETED1', 'evil\u001b[31mred'], CanonicalUser: 'abc'}))})),
	used(roleOf('LoopA', {trust: trustPolicy(trusts(roleArn('LoopB')))})),
	used(roleOf('LoopB', {trust: trustPolicy(trusts(roleArn('LoopA')))})),
	{...used(roleOf(LONG, {trust: trustPolicy(trusts(`arn:aws:iam::${ACCOUNT}:root`))})), path: '/we!rd "path"/#1/', arn: `arn:aws:iam::${ACCOUNT}:role/we!rd "path"/#1/${LONG}`},
];
const index = buildIndex(fixtureSnapshot({roles: [...fixtureRoles, ...bad]}));
const size = {focused: true, width: 140, height: 40};
const noop = () => {};

const roleScreen = async (name: string) => {
	const tui = renderTui(<RoleScreen {...size} index={index} name={name} now={FIXTURE_NOW} onOpen={noop} onBack={noop} />, {columns: size.width, rows: size.height});
	const frame = await tui.waitFor(`Role ${name}`);
	tui.unmount();
	return frame;
};

describe('Role screen with bad trust input', () => {
	it('malformed JSON: zero statements, what was wrong, and the finding', async () => {
		const frame = await roleScreen('Broken');
		expect(frame).toContain('Trust policy (0 statements)');
		expect(frame).toContain('malformed: the trust policy is not valid JSON');
		expect(frame).toContain('finding: trust policy malformed: the trust policy is not valid JSON');
	});

	it('NotPrincipal: "anyone else may", and a finding naming the exception', async () => {
		const frame = await roleScreen('Fence');
		expect(frame).toContain(`NOT principal (anyone else may!) user eve  arn:aws:iam::${ACCOUNT}:user/eve`);
		expect(frame).toContain(`finding: trusted by * (anyone) except arn:aws:iam::${ACCOUNT}:user/eve (NotPrincipal)`);
	});

	it('a federated principal without a provider: shown and flagged malformed', async () => {
		const frame = await roleScreen('Federal');
		expect(frame).toContain('principal federated (no provider)');
		expect(frame).toContain('malformed: a Federated principal without a provider');
		expect(frame).toContain('Allow sts:AssumeRoleWithWebIdentity');
	});

	it('unknown principal forms: each named, a terminal escape made inert', async () => {
		const frame = await roleScreen('Dangling');
		expect(frame).toContain('principal unknown AIDAEXAMPLEDELETED1');
		expect(frame).toContain('principal unknown CanonicalUser: abc');
		expect(frame).toContain('finding: trusted by unknown principal CanonicalUser: abc');
		expect(frame).toContain('finding: trusted by unknown principal AIDAEXAMPLEDELETED1');
		expect(frame).toContain('principal unknown evilred');
		expect(frame).not.toContain('\u001b[31mred');
	});

	it('a chain cycle: said on both roles', async () => {
		expect(await roleScreen('LoopA')).toContain('chain cycle: LoopA → LoopB → LoopA (each may assume the next; iamtui stops at a role seen before)');
		expect(await roleScreen('LoopB')).toContain('chain cycle: LoopB → LoopA → LoopB');
	});

	it('a 64-character name and a path of unusual characters', async () => {
		expect(LONG).toHaveLength(64);
		const frame = await roleScreen(LONG);
		expect(frame).toContain(`Role ${LONG}`);
		expect(frame).toContain('path /we!rd "path"/#1/');
		expect(frame).toContain('principal account');
	});
});

describe('Roles list with bad trust input', () => {
	it('keeps every role, and marks each problem in its row', async () => {
		const tui = renderTui(<RolesScreen {...size} index={index} now={FIXTURE_NOW} onOpenRole={noop} />, {columns: size.width, rows: size.height});
		const frame = await tui.waitFor(`Roles (${fixtureRoles.length + bad.length})`);
		const lineOf = (name: string) => frame.split('\n').find(line => line.includes(` ${name} `)) ?? '';
		expect(lineOf('Fence')).toContain('* (anyone!) except user eve');
		expect(lineOf('Federal')).toMatch(/federated \(no provider\).*malformed trust/);
		expect(lineOf('Dangling')).toMatch(/unknown AIDAEXAMPLEDELETED1.*unknown principal/);
		expect(lineOf('LoopA')).toContain('chain cycle');
		expect(lineOf('LoopB')).toContain('chain cycle');
		// The long name is shortened in the middle, never dropped.
		expect(frame).toMatch(/aaaa…\S*\+=@,/);
		tui.unmount();
	});
});
