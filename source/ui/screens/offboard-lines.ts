// The offboarding screen's text: what the record says the user has, and each step's progress. Pure
// (data in, lines out), in the PlanLine shape the plan itself is described in.
import type {OffboardRecord} from '../../model/offboard/record.js';
import {roleLines} from '../../model/offboard/role-lines.js';
import type {PlanLine} from '../../model/plans/describe.js';
import type {StepStatus} from '../../model/plans/execute.js';
import type {Plan} from '../../model/plans/types.js';

const day = (iso: string) => iso.slice(0, 10);

const item = (label: string, values: string[]): PlanLine =>
	values.length === 0 ? {depth: 1, text: `${label}: none`, tone: 'dim'} : {depth: 1, text: `${label} (${values.length}): ${values.join(', ')}`};

/** What the user has, as recorded before anything is sent. */
export const recordLines = (record: OffboardRecord): PlanLine[] => [
	{depth: 0, text: `What ${record.user.name} has (recorded ${day(record.capturedAt)}, before anything is sent)`},
	item('Groups', record.groups),
	item('Managed policies attached', record.attachedPolicies.map(p => p.name)),
	item('Inline policies', record.inlinePolicies.map(p => p.name)),
	{
		depth: 1,
		text: record.loginProfile ? `Console password: yes (since ${day(record.loginProfile.createDate)})` : 'Console password: no',
		...(record.loginProfile ? {} : {tone: 'dim' as const}),
	},
	item('Access keys', record.accessKeys.map(k => `${k.accessKeyId} ${k.status.toLowerCase()}`)),
	item('MFA devices', record.mfaDevices.map(d => d.serialNumber)),
	item('Signing certificates', record.signingCertificates.map(c => c.certificateId)),
	item('SSH public keys', record.sshPublicKeys.map(k => k.sshPublicKeyId)),
	item('Service-specific credentials', record.serviceSpecificCredentials.map(c => `${c.serviceName} ${c.serviceSpecificCredentialId}`)),
	item('Tags', record.tags.map(t => `${t.Key}=${t.Value}`)),
	...(record.permissionsBoundaryArn ? [{depth: 1 as const, text: `Permissions boundary: ${record.permissionsBoundaryArn}`}] : []),
	...roleLines(record),
	...record.unlisted.map(kind => ({depth: 1 as const, text: `${kind}: could not be listed on this account`, tone: 'warning' as const})),
];

/** A step's state while the plan runs: not reached yet, or how it ended. */
export type StepProgress = 'waiting' | 'running' | StepStatus;

const LABELS: Record<StepProgress, string> = {
	waiting: 'waiting',
	running: 'running…',
	done: 'done',
	failed: 'FAILED',
	skipped: 'skipped',
	'not-run': 'not run',
};

const TONES: Partial<Record<StepProgress, PlanLine['tone']>> = {done: 'gain', failed: 'loss', skipped: 'dim', 'not-run': 'dim', waiting: 'dim', running: 'warning'};

/** Each step with its progress and its `aws iam` equivalent; `messages` are the outcomes' one-liners. */
export const progressLines = (plan: Plan, progress: StepProgress[], messages: Array<string | undefined>): PlanLine[] =>
	plan.steps.flatMap((step, n) => {
		const state = progress[n] ?? 'waiting';
		const message = messages[n] ?? (step.noop && state === 'skipped' ? step.noop : undefined);
		const tone = TONES[state];
		return [
			{depth: 1, text: `${LABELS[state].padEnd(8)} ${n + 1}. ${step.description}${message ? ` — ${message}` : ''}`, ...(tone ? {tone} : {})},
			{depth: 2, text: step.awsCli, tone: 'dim'},
		];
	});
