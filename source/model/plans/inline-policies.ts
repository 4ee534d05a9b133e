// Inline policies on a user or a group: put (a new one, or replacing the one of the same name) and
// delete. IAM caps the total size of an entity's inline policies; the emulator does not.
import type {SnapshotIndex} from '../indexes.js';
import {assertValid, checkInlinePolicyName, MAX_INLINE_GROUP_POLICY_CHARS, MAX_INLINE_USER_POLICY_CHARS} from '../validate.js';
import {documentNotes} from './policies.js';
import {limitExceeded, missing, requirePrincipal} from './refuse.js';
import {deleteInlineStep, putInlineStep, type PrincipalRef} from './steps.js';
import type {Plan} from './types.js';

export interface InlinePolicyRequest {
	target: PrincipalRef;
	policyName: string;
	/** The rendered document, already checked by checkPolicyDocument. */
	document: string;
}

/** IAM counts policy size without white space. */
const size = (document: string) => document.replace(/\s/g, '').length;

export const planPutInlinePolicy = (index: SnapshotIndex, request: InlinePolicyRequest): Plan => {
	const {target, policyName, document} = request;
	assertValid(checkInlinePolicyName(policyName));
	const holder = requirePrincipal(index, target);
	const replaced = holder.inlinePolicies.find(p => p.name === policyName);
	const limit = target.kind === 'user' ? MAX_INLINE_USER_POLICY_CHARS : MAX_INLINE_GROUP_POLICY_CHARS;
	const total = holder.inlinePolicies.filter(p => p !== replaced).reduce((sum, p) => sum + size(p.document), size(document));
	if (total > limit)
		throw limitExceeded(
			`the inline policies of ${target.kind} ${target.name} would total ${total} characters (white space not counted); IAM allows ${limit}`,
			'use a customer managed policy instead (up to 6,144 characters each)',
		);
	const notes = replaced ? [`${target.kind} ${target.name} already has an inline policy named ${policyName}: this replaces it.`] : [];
	return {
		title: `${replaced ? 'Replace' : 'Put'} inline policy ${policyName} on ${target.kind} ${target.name}`,
		// Replacing may take away what the old document allowed.
		dangerous: Boolean(replaced),
		targets: [{kind: target.kind, name: target.name}],
		steps: [putInlineStep(target, policyName, document)],
		previews: [],
		notes: [...notes, ...documentNotes(policyName, document)],
	};
};

export const planDeleteInlinePolicy = (index: SnapshotIndex, target: PrincipalRef, policyName: string): Plan => {
	const holder = requirePrincipal(index, target);
	const policy = holder.inlinePolicies.find(p => p.name === policyName);
	if (!policy) {
		const names = holder.inlinePolicies.map(p => p.name);
		throw missing(`${target.kind} ${target.name} has no inline policy named ${policyName}`, names.length > 0 ? `its inline policies: ${names.join(', ')}` : 'it has no inline policy');
	}
	return {
		title: `Delete inline policy ${policyName} of ${target.kind} ${target.name}`,
		dangerous: true,
		targets: [{kind: target.kind, name: target.name}],
		steps: [deleteInlineStep(target, policyName)],
		previews: [],
		notes: ['An inline policy cannot be recovered once deleted; its document:', ...documentNotes(policyName, policy.document).slice(1)],
	};
};
