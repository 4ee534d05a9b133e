// What the app needs from the outside world, injected by cli.tsx (real) or by tests.
// The UI reaches AWS only through the IamGateway that connect() returns.
import type {AwsConfigProfile} from '../../model/connection.js';
import type {ConnectionHooks, ConnectionSettings, IamGateway} from '../../model/gateway.js';
import type {EverywhereConnection} from '../../model/org/offboard-everywhere-run.js';
import type {OpenOrgOptions, OrgSession} from '../../model/org/org-session.js';
import type {JournalEntry, JournalSink} from '../../model/plans/execute.js';
import type {ConfigStore} from '../../store/config.js';
import type {Clipboard} from '../../store/clipboard.js';
import type {PolicyTemplate} from '../../model/templates.js';
import type {generateSelfSigned, readCertificatePem} from '../../store/certificates.js';
import type {RecordStore} from '../../store/records.js';
import type {RotationStore} from '../../store/rotations.js';
import type {saveCredentialsCsv} from '../../store/credentials-csv.js';

export interface Services {
	/** Creates a gateway for a profile; cheap and lazy (no request until a method is called). */
	connect(settings: ConnectionSettings, hooks: ConnectionHooks): IamGateway;
	/** The local profile store (conf). */
	store: ConfigStore;
	/** The audit journal every write attempt goes to. */
	journal: JournalSink & {
		/** Every record, oldest first (the :journal screen). */
		read(): JournalEntry[];
	};
	/** Profile names found in ~/.aws/config and ~/.aws/credentials. */
	/** Profiles of ~/.aws/config and ~/.aws/credentials, with the region and endpoint the config sets. */
	awsConfigProfiles(): Promise<AwsConfigProfile[]>;
	/** The one way a secret reaches a file: the console's CSV, 0600 (store/credentials-csv.ts). */
	saveCredentialsCsv: typeof saveCredentialsCsv;
	/** The OS clipboard (a stub in tests); SecretOnce clears it after 30 s. */
	clipboard: Clipboard;
	now(): Date;
	/** Cryptographic random bytes (node:crypto), for generated passwords. */
	randomBytes(size: number): Uint8Array;
	/** Reads the package's policy templates (templates/) and template or policy files. */
	templates: {list(): Promise<PolicyTemplate[]>; load(idOrPath: string): Promise<PolicyTemplate>};
	/** A PEM certificate from a file, validated (store/certificates.ts). */
	readCertificate: typeof readCertificatePem;
	/** A self-signed certificate; its private key is written 0600 and never shown. */
	generateCertificate: typeof generateSelfSigned;
	/** Offboarding records (store/records.ts). */
	records: RecordStore;
	/** Key rotations in progress (store/rotations.ts): key ids and stage, never a secret. */
	rotations: RotationStore;
	/** Opens the organization of a profile (:accounts, :people, org-wide who-can): read-only, every account through the audit role. */
	openOrganization?(settings: ConnectionSettings, hooks: ConnectionHooks, options: OpenOrgOptions): Promise<OrgSession>;
	/** Offboarding a person everywhere: the connection the headless command runs through (the organization, Identity Center's writes, a gateway in any member account); close it after. */
	everywhere?(settings: ConnectionSettings, hooks: ConnectionHooks, auditRole: string): Promise<{connection: EverywhereConnection; close: () => void}>;
	/** The demo (npm run demo): its account is thrown away on quit, so a quit after writes asks first. */
	demo?: boolean;
	/**
	 * Ctrl+Z: leaves the terminal as the shell had it and stops the process as a job; `onResume` runs on
	 * `fg` (stopped), or at once when nothing stopped it (no job control). False where it cannot (Windows).
	 * Absent in tests: Ctrl+Z says it is not available.
	 */
	suspend?(onResume: (stopped: boolean) => void): boolean;
	/** Called once a snapshot is in: the TUI hands the load's garbage back to the OS (release-memory.ts). */
	afterSnapshotLoaded?: () => void;
}
