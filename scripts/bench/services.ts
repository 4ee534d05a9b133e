// The App's services for in-process measurements: real stores in a scratch folder, the given gateway,
// and nothing that could issue, save or copy a secret.
import type {IamGateway} from '../../source/model/gateway.js';
import {ConfigStore} from '../../source/store/config.js';
import {Journal} from '../../source/store/journal.js';
import {RecordStore} from '../../source/store/records.js';
import {RotationStore} from '../../source/store/rotations.js';
import type {Services} from '../../source/ui/hooks/services.js';

export const benchServices = (folder: string, gateway: IamGateway): Services => ({
	connect: () => gateway,
	store: new ConfigStore({cwd: folder}),
	journal: new Journal(folder),
	awsConfigProfiles: async () => [],
	now: () => new Date(),
	// The bench issues no secret: nothing may be saved or copied.
	saveCredentialsCsv: () => ({ok: false, reason: 'other', message: 'the benchmark saves no credentials'}),
	clipboard: {write: async () => {}, read: async () => ''},
	randomBytes: () => {
		throw new Error('the benchmark issues no password');
	},
	templates: {list: async () => [], load: async () => Promise.reject(new Error('no templates in the benchmark'))},
	readCertificate: () => ({ok: false, message: 'no certificates in the benchmark'}),
	generateCertificate: async () => Promise.reject(new Error('no certificates in the benchmark')),
	records: new RecordStore(folder),
	rotations: new RotationStore(folder),
});
