// Who a write is journalled as: the profile it was made with and the caller GetCallerIdentity named.
// The one builder for the TUI's plans, its offboarding and the headless commands, so the journal reads
// the same whichever sent the write. Unknown parts are null (an identity that could not be read).
import type {CallerIdentity} from '../gateway.js';
import type {Actor} from './execute.js';

export const actorFor = (profile: string | undefined, identity: Pick<CallerIdentity, 'account' | 'arn'> | undefined): Actor => ({
	profile: profile ?? null,
	account: identity?.account ?? null,
	callerArn: identity?.arn ?? null,
});
