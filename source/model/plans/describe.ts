// A plan in words, for the confirmation screen and for `--dry-run`: the steps with their `aws iam`
// equivalents, then per user what arrives, what leaves and what is kept through another path, the
// notes, and the warnings (self-lockout, the name to type).
import {sanitize} from '../sanitize.js';
import type {MembershipPreview, Plan} from './types.js';

export interface PlanLine {
	text: string;
	/** 0 = heading, 1 = a user or a step, 2 = a detail. */
	depth: 0 | 1 | 2;
	tone?: 'loss' | 'gain' | 'kept' | 'warning' | 'dim';
}

const line = (depth: PlanLine['depth'], text: string, tone?: PlanLine['tone']): PlanLine => (tone ? {depth, text, tone} : {depth, text});

export const previewLines = (preview: MembershipPreview): PlanLine[] => {
	const remove = preview.change === 'remove';
	const head = line(1, `${preview.user} ${remove ? 'leaves' : 'joins'} ${preview.group}`);
	if (preview.noop) return [line(1, `${preview.user}: no change — ${preview.noop}`, 'dim')];
	const lines = [head];
	if (preview.policies.length === 0) lines.push(line(2, 'the group carries no policies', 'dim'));
	for (const policy of preview.policies) {
		const name = `${policy.name}${policy.kind === 'inline' ? ' (inline)' : ''}`;
		if (policy.keptThrough.length > 0)
			lines.push(line(2, `${remove ? 'still gets' : 'already gets'} ${name} through ${policy.keptThrough.join(', ')}`, 'kept'));
		else lines.push(line(2, `${remove ? 'loses' : 'gets'} ${name}`, remove ? 'loss' : 'gain'));
	}
	for (const action of preview.actions) {
		const cond = action.conditional ? ' (with a condition)' : '';
		if (action.keptThrough.length > 0) {
			const tail = remove ? ' — access is not revoked' : ' — no new access';
			lines.push(line(2, `${remove ? 'still has' : 'already has'} ${action.pattern} through ${action.keptThrough.join(', ')}${tail}`, 'kept'));
			continue;
		}
		if (remove && action.reachedThroughRoles) {
			lines.push(line(2, `still reaches ${action.pattern} through ${action.reachedThroughRoles.join(', ')} — access is not revoked`, 'kept'));
			continue;
		}
		lines.push(line(2, `${remove ? 'loses' : 'gains'} ${action.pattern}${cond}`, remove ? 'loss' : 'gain'));
		if (action.mayKeepThrough.length > 0)
			lines.push(line(2, `may still have it through ${action.mayKeepThrough.join(', ')}`, 'warning'));
		if (action.mayReachThroughRoles)
			lines.push(line(2, `may still reach it through ${action.mayReachThroughRoles.join(', ')}`, 'warning'));
	}
	for (const label of preview.rolesLost ?? []) lines.push(line(2, `can no longer assume ${label}`, 'loss'));
	for (const label of preview.rolesGained ?? []) lines.push(line(2, `may now assume ${label}`, 'gain'));
	if (preview.denies.length > 0)
		lines.push(line(2, `${remove ? 'no longer denied by the group' : 'denied by the group'}: ${preview.denies.join(', ')}`, 'warning'));
	for (const problem of preview.problems) lines.push(line(2, `could not read ${problem}: the preview may miss something`, 'warning'));
	return lines;
};

/**
 * The whole plan: a lockout warning first (it must not be missed), the steps, what changes per user,
 * the notes, and the name to type when the plan deletes something.
 */
export const planLines = (plan: Plan): PlanLine[] => [
	line(0, plan.title),
	...(plan.lockout ? [line(0, `Warning: ${plan.lockout}`, 'warning')] : []),
	line(0, 'Steps'),
	...plan.steps.flatMap((step, n) => [
		line(1, `${n + 1}. ${step.description}${step.noop ? ` — skipped: ${step.noop}` : ''}`, step.noop ? 'dim' : undefined),
		line(2, step.awsCli, 'dim'),
	]),
	...(plan.previews.length > 0 ? [line(0, 'What changes'), ...plan.previews.flatMap(previewLines)] : []),
	...(plan.notes && plan.notes.length > 0 ? [line(0, 'Notes'), ...plan.notes.map(note => line(1, note))] : []),
	...(plan.diff ? [line(0, plan.diff.title), ...plan.diff.lines.map(d => line(1, `${d.change} ${d.text}`, d.change === '-' ? 'loss' : d.change === '+' ? 'gain' : 'dim'))] : []),
	...(plan.confirmName ? [line(0, `Type ${plan.confirmName} to confirm`, 'warning')] : []),
];

/** Plain text (headless --dry-run): indentation instead of colours. */
export const planText = (plan: Plan): string =>
	planLines(plan)
		.map(l => `${'  '.repeat(l.depth)}${sanitize(l.text)}`)
		.join('\n');
