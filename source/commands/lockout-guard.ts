// The self-lockout guard for headless writes: the model's guard (model/plans/lockout.ts), asked with
// the caller's identity and signing key, before any confirmation. A plan that locks the caller out is
// refused unless the command line says --i-know-this-locks-me-out: --yes alone is not enough, since a
// script that passes --yes has nobody to read the warning. --dry-run names the flag.
import type {IamGateway} from '../model/gateway.js';
import {buildIndex, type SnapshotIndex} from '../model/indexes.js';
import {guardLockout, mayLockOut} from '../model/plans/lockout.js';
import type {Plan} from '../model/plans/types.js';
import type {CommandResult} from './result.js';
import {EXIT_USAGE} from '../cli/exit-codes.js';

export const LOCKOUT_FLAG = '--i-know-this-locks-me-out';

/**
 * The plan with `lockout` set when it locks the caller out. The account as read to build the plan is
 * used when given; otherwise it is read here. When the caller or the account cannot be read, the plan
 * comes back as built: no claim either way (the write itself then needs those same rights).
 */
export const guardHeadless = async (gateway: IamGateway, plan: Plan, before?: SnapshotIndex): Promise<Plan> => {
	const identity = await gateway.callerIdentity().catch(() => undefined);
	if (!identity) return plan;
	// A plan that only acts on other users (create-user) cannot lock the caller out: no account read for it.
	if (!before && !mayLockOut(plan, identity)) {
		const {lockout: _none, ...unguarded} = plan;
		return unguarded;
	}
	const index = before ?? (await gateway.loadSnapshot().then(buildIndex, () => undefined));
	if (!index) return plan;
	return guardLockout(index, plan, identity).catch(() => plan);
};

/** Refused (exit 64) when the plan locks the caller out and the flag was not given. */
export const lockoutRefusal = (plan: Plan, command: string, confirmed: boolean): CommandResult | undefined =>
	plan.lockout && !confirmed
		? {
				stdout: '',
				stderr: `iamtui: refused: ${command} would lock you out — ${plan.lockout}. Nothing was sent; to run it anyway add ${LOCKOUT_FLAG} (--dry-run shows the plan)\n`,
				exitCode: EXIT_USAGE,
			}
		: undefined;

/** The dry run's last words on a lockout: what running it would take. */
export const dryRunLockoutNote = (plan: Plan): string =>
	plan.lockout ? `\nThis plan locks you out: running it is refused without ${LOCKOUT_FLAG}.` : '';
