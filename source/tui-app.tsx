// The app as the TUI runs it: the real services (stores beside the config file, the lazy AWS gateway or
// offline export files) and the App. Loaded by tui.tsx once its first frame is on screen.
import React from 'react';
import path from 'node:path';
import {randomBytes} from 'node:crypto';
import {App} from './app.js';
import {lazyGateway, offlineGateway} from './aws/lazy-gateway.js';
import type {TuiOptions} from './tui.js';
import {generateSelfSigned, readCertificatePem} from './store/certificates.js';
import {systemClipboard} from './store/clipboard.js';
import {Journal} from './store/journal.js';
import {RecordStore} from './store/records.js';
import {RotationStore} from './store/rotations.js';
import {saveCredentialsCsv} from './store/credentials-csv.js';
import {listTemplates, loadTemplate} from './store/template-files.js';
import {releaseLoadGarbage} from './release-memory.js';

export const appElement = ({settings, store, fromFiles = []}: TuiOptions) => {
	// The SDK loads when the gateway makes its first call.
	const services = {
		connect: fromFiles.length > 0 ? () => offlineGateway(fromFiles) : lazyGateway,
		store,
		// Beside the config store, 0600: every write attempt.
		journal: new Journal(path.dirname(store.path)),
		awsConfigProfiles: async () => (await import('./aws/aws-config-profiles.js')).listAwsConfigProfiles(),
		now: () => new Date(),
		saveCredentialsCsv,
		clipboard: systemClipboard,
		randomBytes: (size: number) => randomBytes(size),
		templates: {list: () => listTemplates(), load: (idOrPath: string) => loadTemplate(idOrPath)},
		readCertificate: readCertificatePem,
		generateCertificate: generateSelfSigned,
		records: new RecordStore(path.dirname(store.path)),
		rotations: new RotationStore(path.dirname(store.path)),
		afterSnapshotLoaded: releaseLoadGarbage,
		// scripts/demo.ts says so: its moto (and every change made in it) goes when the TUI quits.
		demo: process.env.IAMTUI_DEMO === '1',
	};
	// Export files are only ever read: the session is read-only, so App wraps every gateway it builds.
	return <App services={services} initial={fromFiles.length > 0 ? {...settings, readOnly: true} : settings} />;
};
