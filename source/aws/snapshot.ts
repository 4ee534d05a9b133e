// Loads one AccountSnapshot: every page of GetAccountAuthorizationDetails plus the credential report,
// a handful of calls for the whole account. The credential report runs alongside the pages; if it is
// denied or never ready, the snapshot still loads and says why the report is missing.
import {setTimeout as sleep} from 'node:timers/promises';
import {
	GenerateCredentialReportCommand,
	GetAccountAuthorizationDetailsCommand,
	GetCredentialReportCommand,
	type IAMClient,
} from '@aws-sdk/client-iam';
import {parseCredentialReport} from '../model/credential-report.js';
import type {LoadOptions} from '../model/gateway.js';
import type {AccountSnapshot, CredentialReport, SnapshotProgress} from '../model/snapshot.js';
import {toIamError, type ErrorContext} from './errors.js';
import {buildSnapshot, countPage, type AuthorizationDetailsPage} from './snapshot-build.js';

export {buildSnapshot, decodePolicyDocument, policyNameFromArn, type AuthorizationDetailsPage} from './snapshot-build.js';

export interface SnapshotLoadOptions extends LoadOptions {
	/** How long to wait for the credential report to be generated. Default 60 s. */
	credentialReportTimeoutMs?: number;
	/** Context for error messages (endpoint, profile). */
	errorContext?: ErrorContext;
}

const PAGE_SIZE = 1000;
/** Users, groups, roles (trust policies, role permissions, instance profiles) and managed policies. */
const FILTER = ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;
const REPORT_PERMISSIONS = 'needs iam:GenerateCredentialReport and iam:GetCredentialReport';
/** The report is not ready yet: poll again. */
const REPORT_NOT_READY = new Set([
	'ReportInProgress',
	'ReportNotPresent',
	'ReportExpired',
	'CredentialReportNotReady',
	'CredentialReportNotPresent',
	'CredentialReportExpired',
]);

const attemptsRetried = (output: {$metadata?: {attempts?: number}}): number =>
	Math.max(0, (output.$metadata?.attempts ?? 1) - 1);

const errorCode = (error: unknown): string =>
	String((error as {name?: string; Code?: string}).Code ?? (error as {name?: string}).name ?? '').replace(/Exception$/, '');

/** GenerateCredentialReport until COMPLETE (short, growing pauses, bounded), then GetCredentialReport. */
export const loadCredentialReport = async (
	iam: IAMClient,
	options: {signal?: AbortSignal; timeoutMs?: number; onRetries?: (retries: number) => void; errorContext?: ErrorContext} = {},
): Promise<CredentialReport> => {
	const {signal, timeoutMs = 60_000, onRetries = () => {}} = options;
	const deadline = Date.now() + timeoutMs;
	let pause = 200;
	const waitOrGiveUp = async (): Promise<boolean> => {
		if (Date.now() + pause > deadline) return false;
		await sleep(pause, undefined, {signal});
		pause = Math.min(pause * 2, 2_000);
		return true;
	};
	try {
		for (;;) {
			const generated = await iam.send(new GenerateCredentialReportCommand({}), {abortSignal: signal});
			onRetries(attemptsRetried(generated));
			if (generated.State === 'COMPLETE') {
				try {
					const report = await iam.send(new GetCredentialReportCommand({}), {abortSignal: signal});
					onRetries(attemptsRetried(report));
					const csv = new TextDecoder().decode(report.Content ?? new Uint8Array());
					return {
						status: 'ok',
						generatedAt: report.GeneratedTime ? report.GeneratedTime.toISOString() : null,
						rows: parseCredentialReport(csv),
					};
				} catch (error) {
					// Generated but expired or replaced in between: generate again.
					if (!REPORT_NOT_READY.has(errorCode(error))) throw error;
				}
			}
			if (!(await waitOrGiveUp())) {
				return {status: 'unavailable', reason: `the credential report was not ready after ${Math.round(timeoutMs / 1000)} s`};
			}
		}
	} catch (error) {
		if (signal?.aborted) throw error;
		const iamError = toIamError(error, {...options.errorContext, action: 'iam:GenerateCredentialReport'});
		if (iamError.kind === 'AccessDenied') return {status: 'unavailable', reason: `access denied: ${REPORT_PERMISSIONS}`};
		if (error instanceof Error && /credential report/i.test(error.message) && !('$metadata' in error)) {
			return {status: 'unavailable', reason: `the credential report could not be read: ${error.message}`};
		}
		return {status: 'unavailable', reason: `${iamError.message} (${REPORT_PERMISSIONS})`};
	}
};

/**
 * Every page of GetAccountAuthorizationDetails (IsTruncated/Marker, MaxItems 1000), of the entity types `filter`
 * names (the snapshot's by default).
 */
export const loadAuthorizationDetails = async (
	iam: IAMClient,
	signal: AbortSignal | undefined,
	onPage: (page: AuthorizationDetailsPage, retries: number) => void,
	filter: ReadonlyArray<(typeof FILTER)[number]> = FILTER,
): Promise<AuthorizationDetailsPage[]> => {
	const pages: AuthorizationDetailsPage[] = [];
	let marker: string | undefined;
	for (;;) {
		const page = await iam.send(
			new GetAccountAuthorizationDetailsCommand({MaxItems: PAGE_SIZE, Marker: marker, Filter: [...filter]}),
			{abortSignal: signal},
		);
		pages.push(page);
		onPage(page, attemptsRetried(page));
		// A marker that does not move would loop forever: stop rather than trust it.
		if (!page.IsTruncated || !page.Marker || page.Marker === marker) return pages;
		marker = page.Marker;
	}
};

/** Loads the whole account, reporting progress after every page and when the report is awaited. */
export const loadSnapshot = async (iam: IAMClient, options: SnapshotLoadOptions = {}): Promise<AccountSnapshot> => {
	const {onProgress = () => {}, signal, errorContext = {}} = options;
	const progress: SnapshotProgress = {phase: 'authorization-details', pages: 0, users: 0, groups: 0, roles: 0, policies: 0, retries: 0};
	const report = () => onProgress({...progress});
	const addRetries = (retries: number) => {
		if (retries > 0) {
			progress.retries += retries;
			report();
		}
	};
	report();

	// Started first so its generation overlaps the pages; its failures are values, never thrown.
	// Its own controller stops its polling when the pages fail (or the caller aborts).
	const reportControl = new AbortController();
	if (signal?.aborted) reportControl.abort(signal.reason);
	else signal?.addEventListener('abort', () => reportControl.abort(signal.reason), {once: true});
	const credentialReport = loadCredentialReport(iam, {
		signal: reportControl.signal,
		timeoutMs: options.credentialReportTimeoutMs,
		onRetries: addRetries,
		errorContext,
	});
	// Keep a rejection (abort) from being reported as unhandled while the pages load.
	credentialReport.catch(() => {});

	let pages: AuthorizationDetailsPage[];
	try {
		pages = await loadAuthorizationDetails(iam, signal, (page, retries) => {
			const counts = countPage(page);
			progress.pages += 1;
			progress.users += counts.users;
			progress.groups += counts.groups;
			progress.roles = (progress.roles ?? 0) + counts.roles;
			progress.policies += counts.policies;
			progress.retries += retries;
			report();
		});
	} catch (error) {
		reportControl.abort();
		throw toIamError(error, {...errorContext, action: 'iam:GetAccountAuthorizationDetails'});
	}

	progress.phase = 'credential-report';
	report();
	let credentials: CredentialReport;
	try {
		credentials = await credentialReport;
	} catch (error) {
		throw toIamError(error, errorContext);
	}
	const snapshot = buildSnapshot(pages, credentials);
	progress.phase = 'done';
	progress.policies = snapshot.policies.length;
	report();
	return snapshot;
};
