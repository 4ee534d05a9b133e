// Inside a describeWithMoto: one moto for the suite with the W10 organization seeded (scripts/seed-org.ts),
// optionally the AWSReservedSSO_* roles AWS would provision, moto's IAM authorization on and the auditor's
// keys in the environment; everything undone after the suite.
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
