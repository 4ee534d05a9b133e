// The writes that are one IAM call with nothing to reconcile, as data: the IAM action (for error
// messages and the journal's wording) and how to send it. Removals tolerate IAM's NoSuchEntity when
// the SDK had to resend them (reconcile.ts, removeIdempotently).
import type {IAMClient} from '@aws-sdk/client-iam';
import type {WriteInput, WriteName} from '../model/gateway.js';
import {removeIdempotently} from './reconcile.js';

export interface SimpleWrite<K extends WriteName> {
	/** iam:AddUserToGroup … */
	action: string;
	send(iam: IAMClient, input: WriteInput<K>): Promise<unknown>;
	/** A delete, detach or removal: "already gone" after a resend counts as done. */
	removal?: boolean;
}

export type WriteTable<K extends WriteName> = {[P in K]: SimpleWrite<P>};

export const sendWrite = async <K extends WriteName>(iam: IAMClient, write: SimpleWrite<K>, input: WriteInput<K>): Promise<void> => {
	const send = () => write.send(iam, input);
	if (write.removal) await removeIdempotently(send);
	else await send();
};
