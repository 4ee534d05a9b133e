// What the app needs from the outside world, injected by cli.tsx (real) or by tests.
// The UI reaches AWS only through the IamGateway that connect() returns.
import type {ConnectionHooks, ConnectionSettings, IamGateway} from '../../model/gateway.js';
import type {JournalSink} from '../../model/plans/execute.js';
import type {ConfigStore} from '../../store/config.js';

export interface Services {
	/** Creates a gateway for a profile; cheap and lazy (no request until a method is called). */
	connect(settings: ConnectionSettings, hooks: ConnectionHooks): IamGateway;
	/** The local profile store (conf). */
	store: ConfigStore;
	/** The audit journal every write attempt goes to. */
	journal: JournalSink;
	/** Profile names found in ~/.aws/config and ~/.aws/credentials. */
	awsConfigProfiles(): Promise<string[]>;
	now(): Date;
}
