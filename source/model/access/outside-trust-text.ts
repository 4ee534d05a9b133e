// Who-can's note on trust outside the account (never counted among who can), grouped by what is trusted: an
// account has many roles trusted by the same service or partner, and a line per role buried the answer.
import type {RoleTrustNote} from './types.js';

/** Roles named per line before a count. */
const NAMED = 10;

/** One line per principal outside the account (or trust problem), naming the roles that trust it. */
export const outsideTrustLines = (notes: RoleTrustNote[]): string[] => {
	const byNote = new Map<string, string[]>();
	for (const {role, note} of notes) {
		const roles = byNote.get(note);
		if (roles) roles.push(role);
		else byNote.set(note, [role]);
	}
	return [...byNote].map(([note, roles]) => {
		if (roles.length === 1) return `${note} — trusted by ${roles[0]}`;
		const named = roles.slice(0, NAMED).join(', ');
		return `${note} — trusted by ${roles.length} roles: ${named}${roles.length > NAMED ? ` and ${roles.length - NAMED} more` : ''}`;
	});
};
