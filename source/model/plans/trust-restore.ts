// Restore's trust steps: put the user back into the trust policies an offboarding took them out of. The
// trust may have changed since, so the recorded statements are merged into the document as it is now,
// never pasted over it: a statement the offboarding edited is put back as it was when it is still there
// as the offboarding left it; otherwise the user's part of it (same effect, action and conditions) is added.
import type {TrustNaming} from '../offboard/record.js';
import {readTrust, statementWithout, trustStatements} from './role-trust.js';
import {updateTrustStep} from './roles.js';
import type {PlanStep} from './types.js';

type Json = Record<string, unknown>;

/** JSON text with keys in order: two statements that say the same compare equal. */
const canonical = (value: unknown): string =>
	JSON.stringify(value, (_key, v: unknown) =>
		typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Json).sort(([a], [b]) => a.localeCompare(b))) : v,
	);

const sidOf = (statement: unknown): string | undefined =>
	typeof statement === 'object' && statement !== null && typeof (statement as Json)['Sid'] === 'string' ? ((statement as Json)['Sid'] as string) : undefined;

/**
 * The current trust document with `principal` put back as `original` had it, or undefined when the
 * current one names it already. Throws an IamError when either document cannot be read.
 */
export const withPrincipalRestored = (role: string, current: string, original: string, principal: string): string | undefined => {
	const now = readTrust(role, current);
	const {statements} = trustStatements(now);
	if (statements.some(s => statementWithout(s, principal).found)) return undefined;
	const result = [...statements];
	for (const statement of trustStatements(readTrust(role, original)).statements) {
		const edited = statementWithout(statement, principal);
		if (!edited.found) continue;
		const at = edited.kept === undefined ? -1 : result.findIndex(s => canonical(s) === canonical(edited.kept));
		if (at >= 0) {
			result[at] = statement;
			continue;
		}
		// Only the user's part, so the other principals are not brought back with it; a Sid in use is dropped (Sids are unique).
		const own: Json = edited.kept === undefined ? {...(statement as Json)} : {...(statement as Json), Principal: {AWS: principal}};
		if (sidOf(own) && result.some(s => sidOf(s) === sidOf(own))) delete own['Sid'];
		result.push(own);
	}
	return JSON.stringify({...now, Statement: result});
};

/** The step that puts the user back into one role's trust (a noop when it names the user already). */
export const restoreTrustStep = (trust: TrustNaming, current: string, user: string): PlanStep => {
	const description = `Put ${user} back into the trust policy of role ${trust.role}`;
	const document = withPrincipalRestored(trust.role, current, trust.document, trust.principal);
	if (document === undefined) return {...updateTrustStep(trust.role, current, description), noop: `the trust of role ${trust.role} names ${user} already`};
	return updateTrustStep(trust.role, document, description);
};
