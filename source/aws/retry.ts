// Retrying a create is only safe when the first request certainly did nothing. The SDK's standard and
// adaptive strategies also resend after a 5xx, a dropped connection or a timeout — after which IAM may
// already have created the user or the key, so a resend could create a second key whose secret nobody
// sees. The clients that send creates therefore use this strategy: retry throttling (IAM refused the
// request before doing anything) and refused connections (nothing was sent), and leave every
// ambiguous failure to reconcile.ts, which re-reads IAM before deciding to send again.
import type {IAMClientConfig} from '@aws-sdk/client-iam';
import {AdaptiveRetryStrategy, StandardRetryStrategy} from '@smithy/core/retry';

type RetryStrategyV2 = Extract<NonNullable<IAMClientConfig['retryStrategy']>, {acquireInitialRetryToken: unknown}>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];

interface ErrorShape {
	name?: string;
	Code?: string;
	code?: string;
	message?: string;
	$metadata?: {httpStatusCode?: number};
}

/** Throttling answers: the service refused the request without acting on it. Not IAM's LimitExceeded (a quota). */
const THROTTLING = new Set([
	'Throttling',
	'ThrottlingException',
	'RequestLimitExceeded',
	'TooManyRequestsException',
	'RequestThrottled',
	'RequestThrottledException',
]);

/** Failures before a byte of the request left: the connection was never made. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

/** Failures after the request may have reached IAM: the connection broke or the answer never came. */
const CUT_OFF = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

const shapeOf = (error: unknown): ErrorShape => (typeof error === 'object' && error !== null ? (error as ErrorShape) : {});

const statusOf = (error: ErrorShape): number | undefined => error.$metadata?.httpStatusCode;

/**
 * IAM's quota answer (too many keys, groups, attached policies…). The SDK counts LimitExceededException
 * as throttling and would back off and resend up to maxAttempts times; a quota does not clear by
 * waiting, so it is shown at once.
 */
export const isQuotaExceeded = (error: unknown): boolean => {
	const e = shapeOf(error);
	return e.name === 'LimitExceededException' || e.name === 'LimitExceeded' || e.Code === 'LimitExceeded';
};

export const isThrottling = (error: unknown): boolean => {
	const e = shapeOf(error);
	return statusOf(e) === 429 || THROTTLING.has(e.name ?? '') || THROTTLING.has(e.Code ?? '');
};

/** True when the request certainly did not take effect, so sending it again cannot do anything twice. */
export const isCertainlyRejected = (error: unknown): boolean =>
	isThrottling(error) || NOT_CONNECTED.has(shapeOf(error).code ?? '');

/**
 * True when the request may or may not have taken effect: a 5xx (IAM may have failed after acting), an
 * answer we could not read, a connection cut off or a timeout. A 4xx is IAM saying no: not ambiguous.
 */
export const isAmbiguousFailure = (error: unknown): boolean => {
	const e = shapeOf(error);
	if (e.name === 'AbortError') return false;
	const status = statusOf(e);
	if (status !== undefined) return status >= 500 || status < 400;
	if (NOT_CONNECTED.has(e.code ?? '')) return false;
	return CUT_OFF.has(e.code ?? '') || CUT_OFF.has(e.name ?? '') || /socket hang up/i.test(e.message ?? '');
};

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;

const token = (count: number, delay: number): RetryToken => ({
	getRetryCount: () => count,
	getRetryDelay: () => delay,
});

/** Exponential backoff with full jitter, for the retries of certainly rejected creates only. */
export const rejectedOnlyRetryStrategy = (maxAttempts: number): RetryStrategyV2 => ({
	async acquireInitialRetryToken() {
		return token(0, 0);
	},
	async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo) {
		const count = previous.getRetryCount() + 1;
		if (count >= maxAttempts || !isCertainlyRejected(info.error)) {
			// The middleware rethrows the request's own error when this rejects.
			throw new Error('not retried: the request may have taken effect');
		}
		const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (count - 1));
		return token(count, Math.floor(Math.random() * ceiling));
	},
	recordSuccess() {},
});

export type RetryMode = 'standard' | 'adaptive';

/** The SDK's own strategy (AWS_RETRY_MODE, AWS_MAX_ATTEMPTS), except that a quota error is never resent. */
export const quotaAwareRetryStrategy = (mode: RetryMode, maxAttempts: number): RetryStrategyV2 => {
	const inner: RetryStrategyV2 = mode === 'standard' ? new StandardRetryStrategy(maxAttempts) : new AdaptiveRetryStrategy(async () => maxAttempts);
	return {
		acquireInitialRetryToken: scope => inner.acquireInitialRetryToken(scope),
		async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo) {
			// The middleware rethrows the request's own error when this rejects.
			if (isQuotaExceeded(info.error)) throw new Error('not retried: an IAM quota was reached');
			return inner.refreshRetryTokenForRetry(previous, info);
		},
		recordSuccess: token => inner.recordSuccess(token),
	};
};
