// Inside a describeWithMoto: one moto for the suite with the W10 organization seeded (scripts/seed-org.ts),
// optionally the AWSReservedSSO_* roles AWS would provision, moto's IAM authorization on and the auditor's
// keys in the environment; everything undone after the suite.
import {AttachPolicyCommand, CreatePolicyCommand, OrganizationsClient} from '@aws-sdk/client-organizations';
import {afterAll, beforeAll, vi} from 'vitest';
import {provisionSsoRoles, seedOrganization, type SeededOrg} from './org-seed.js';
import {startMoto, type Moto} from './moto.js';

export const useSeededOrgMoto = (options: {ssoRoles?: boolean} = {}): {moto: () => Moto; seeded: () => SeededOrg} => {
	let moto: Moto | undefined;
	let seeded: SeededOrg | undefined;
	beforeAll(async () => {
		moto = await startMoto();
		seeded = await seedOrganization(moto.endpoint);
		if (options.ssoRoles) await provisionSsoRoles(moto.endpoint, seeded);
		await moto.setAuthorization(true);
		vi.stubEnv('AWS_ACCESS_KEY_ID', seeded.auditor.accessKeyId);
		vi.stubEnv('AWS_SECRET_ACCESS_KEY', seeded.auditor.secretAccessKey);
		vi.stubEnv('AWS_PROFILE', undefined);
	}, 120_000);
	afterAll(async () => {
		vi.unstubAllEnvs();
		await moto?.setAuthorization(false).catch(() => undefined);
		await moto?.stop();
	});
	return {moto: () => moto!, seeded: () => seeded!};
};

/**
 * An SCP on the dev OU that only the request's region settles — s3:PutObject denied outside eu-west-1 — made with
 * moto's authorization off, as seeding is.
 */
export const attachDevRegionScp = (moto: Moto, devOu: string): Promise<void> =>
	asSeeding(moto, async () => {
		const organizations = new OrganizationsClient({region: 'us-east-1', endpoint: moto.endpoint, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
		const scp = await organizations.send(new CreatePolicyCommand({
			Type: 'SERVICE_CONTROL_POLICY', Name: 'DevWritesInEurope', Description: 'object writes in dev only in eu-west-1',
			Content: JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: {StringNotEquals: {'aws:RequestedRegion': 'eu-west-1'}}}]}),
		}));
		await organizations.send(new AttachPolicyCommand({PolicyId: scp.Policy?.PolicySummary?.Id, TargetId: devOu}));
	});

/** A change to the seeded organization made as the seed makes it: moto's authorization off meanwhile, on again after. */
export const asSeeding = async (moto: Moto, change: () => Promise<void>): Promise<void> => {
	await moto.setAuthorization(false);
	try {
		await change();
	} finally {
		await moto.setAuthorization(true);
	}
};
