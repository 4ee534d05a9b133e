// Headless roles / role NAME --json over an aws CLI export (--from-file) holding roles with bad trust input:
// each role is listed, its trust problems, findings and a chain cycle said in the JSON, nothing thrown.
import {mkdtempSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openFileGateway} from '../../source/aws/file-gateway.js';
import {roleCommand, rolesCommand} from '../../source/commands/roles.js';

const ACCOUNT = '123456789012';
const NOW = new Date('2026-12-04T12:00:00Z');
const detail = (name: string, trust: unknown, extra: Record<string, unknown> = {}) => ({
	Path: '/', RoleName: name, RoleId: `AROA${name.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 12)}`, Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
	CreateDate: '2026-01-01T00:00:00+00:00', AssumeRolePolicyDocument: trust, InstanceProfileList: [], RolePolicyList: [],
	AttachedManagedPolicies: [], Tags: [], RoleLastUsed: {}, ...extra,
});
const allow = (Principal: unknown) => ({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal, Action: 'sts:AssumeRole'}]});

const LONG = 'x'.repeat(64);
const exportFile = () => {
	const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'iamtui-roles-bad-')), 'export.json');
	writeFileSync(file, JSON.stringify({
		RoleDetailList: [
			// The CLI prints a document it could not parse as text.
			detail('Broken', '{"Statement": ['),
			detail('Fence', {Version: '2012-10-17', Statement: [{Effect: 'Allow', NotPrincipal: {AWS: `arn:aws:iam::${ACCOUNT}:user/eve`}, Action: 'sts:AssumeRole'}]}),
			detail('Federal', allow({Federated: ''})),
			detail('LoopA', allow({AWS: `arn:aws:iam::${ACCOUNT}:role/LoopB`})),
			detail('LoopB', allow({AWS: `arn:aws:iam::${ACCOUNT}:role/LoopA`})),
			detail(LONG, allow({AWS: `arn:aws:iam::${ACCOUNT}:root`}), {Path: '/we!rd "path"/', Arn: `arn:aws:iam::${ACCOUNT}:role/we!rd "path"/${LONG}`}),
		],
	}));
	return file;
};

type RoleOut = {RoleName: string; AssumeRolePolicyDocument: unknown; TrustPolicyProblems: string[]; Findings: string[]; ChainCycle?: string[]; AdminEquivalent: boolean};

describe('roles with bad trust input, headless, from an export', () => {
	const gateway = () => openFileGateway([exportFile()]);

	it('roles --json lists every role, each with its problems, findings and cycle', async () => {
		const roles = JSON.parse((await rolesCommand(gateway(), true, NOW)).stdout) as RoleOut[];
		expect(roles.map(r => r.RoleName).sort()).toEqual(['Broken', 'Federal', 'Fence', 'LoopA', 'LoopB', LONG]);
		const by = (name: string) => roles.find(r => r.RoleName === name)!;
		expect(by('Broken')).toMatchObject({AssumeRolePolicyDocument: '{"Statement": [', TrustPolicyProblems: ['the trust policy is not valid JSON'], AdminEquivalent: false});
		expect(by('Fence').Findings).toContain(`trusted by * (anyone) except arn:aws:iam::${ACCOUNT}:user/eve (NotPrincipal)`);
		expect(by('Federal').TrustPolicyProblems).toEqual(['a Federated principal without a provider']);
		expect(by('LoopA').ChainCycle).toEqual(['LoopA', 'LoopB', 'LoopA']);
		expect(by(LONG)).toMatchObject({TrustPolicyProblems: [], Findings: ['never used']});
		expect(by(LONG).ChainCycle).toBeUndefined();
	});

	it('role NAME --json and the text form say the same, by name or ARN', async () => {
		const loop = JSON.parse((await roleCommand(gateway(), 'LoopB', true, NOW)).stdout) as RoleOut;
		expect(loop.ChainCycle).toEqual(['LoopB', 'LoopA', 'LoopB']);
		const broken = (await roleCommand(gateway(), 'Broken', false, NOW)).stdout;
		expect(broken).toContain('finding: trust policy malformed: the trust policy is not valid JSON');
		expect(broken).toContain('malformed: the trust policy is not valid JSON');
		const long = JSON.parse((await roleCommand(gateway(), `arn:aws:iam::${ACCOUNT}:role/we!rd "path"/${LONG}`, true, NOW)).stdout) as RoleOut & {Path: string};
		expect(long).toMatchObject({RoleName: LONG, Path: '/we!rd "path"/'});
		const text = (await rolesCommand(gateway(), false, NOW)).stdout;
		expect(text).toMatch(/LoopA .*chain cycle/);
		expect(text).toMatch(/Federal .*federated \(no provider\).*malformed trust/);
	});
});
