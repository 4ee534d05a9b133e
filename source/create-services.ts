// The services the app runs with, built in one place: the stores in one folder (config, journal,
// offboarding records, rotations), the lazy AWS gateway, the system clipboard, the real clock. The TUI
// (tui-app.tsx) and the tests (test/fixtures/services.ts) both start here and override what they must.
import {randomBytes} from 'node:crypto';
import {lazyGateway} from './aws/lazy-gateway.js';
import {generateSelfSigned, readCertificatePem} from './store/certificates.js';
import {systemClipboard} from './store/clipboard.js';
import {ConfigStore} from './store/config.js';
import {saveCredentialsCsv} from './store/credentials-csv.js';
import {Journal} from './store/journal.js';
import {RecordStore} from './store/records.js';
import {RotationStore} from './store/rotations.js';
import {listTemplates, loadTemplate} from './store/template-files.js';
import type {Services} from './ui/hooks/services.js';

/** Services whose files live in `folder` (0600 each); `overrides` replace any of them. */
export const createServices = (folder: string, overrides: Partial<Services> = {}): Services => {
	// A ConfigStore creates its file: build the default one only when none is given.
	const {store = new ConfigStore({cwd: folder}), ...rest} = overrides;
	return {
		connect: lazyGateway,
		store,
		// Beside the config store: every write attempt.
		journal: new Journal(folder),
		awsConfigProfiles: async () => (await import('./aws/aws-config-profiles.js')).listAwsConfigProfileSettings(),
		now: () => new Date(),
		saveCredentialsCsv,
		clipboard: systemClipboard,
		randomBytes: (size: number) => randomBytes(size),
		templates: {list: () => listTemplates(), load: (idOrPath: string) => loadTemplate(idOrPath)},
		readCertificate: readCertificatePem,
		generateCertificate: generateSelfSigned,
		records: new RecordStore(folder),
		rotations: new RotationStore(folder),
		// Organizations and Identity Center load their SDK packages only when an organization is opened.
		openOrganization: async (settings, hooks, options) => (await import('./aws/org-session.js')).openOrgSession(settings, hooks, options),
		everywhere: async (settings, hooks, auditRole) => (await import('./aws/everywhere-session.js')).openEverywhere(settings, hooks, auditRole),
		...rest,
	};
};
