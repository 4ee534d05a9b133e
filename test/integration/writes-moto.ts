// Shared set-up of the writes-*.test.ts suites: one moto per file, reset before each test, the
// gateway under test and a raw SDK client for the few calls the gateway does not offer (enabling an
// MFA device, creating a policy version) — used only to arrange state, never to check the gateway.
import {IAMClient} from '@aws-sdk/client-iam';
import {afterAll, beforeAll, beforeEach, vi} from 'vitest';
import {SdkGateway} from '../../source/aws/gateway.js';
import {startMoto, stubMotoCredentials, type Moto} from '../helpers/with-moto.js';

export const ACCOUNT = '123456789012';
export const POLICY_DOCUMENT = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}]});

export interface MotoWrites {
	moto(): Moto;
	/** The gateway against moto (or another endpoint, e.g. a proxy in front of it). */
	gateway(endpoint?: string): SdkGateway;
	/** A plain SDK client, to arrange what the gateway has no operation for. */
	sdk(): IAMClient;
}

export const useMotoForWrites = (): MotoWrites => {
	let moto: Moto | undefined;
	let sdk: IAMClient | undefined;
	beforeAll(async () => {
		stubMotoCredentials();
		moto = await startMoto();
		sdk = new IAMClient({region: 'us-east-1', endpoint: moto.endpoint, maxAttempts: 1});
	});
	beforeEach(async () => moto!.reset());
	afterAll(async () => {
		vi.unstubAllEnvs();
		sdk?.destroy();
		await moto?.stop();
	});
	return {
		moto: () => moto!,
		gateway: (endpoint = moto!.endpoint) => new SdkGateway({endpoint, maxAttempts: 2}),
		sdk: () => sdk!,
	};
};
