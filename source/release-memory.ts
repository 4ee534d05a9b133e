// Loading a big account parses one large GetAccountAuthorizationDetails reply (4.3 MB of XML at 5,000
// users, in one page from emulators that ignore MaxItems): the heap peaks near 120 MB, then holds ~35 MB.
// V8 keeps the freed pages mapped until a full collection, which an idle TUI never triggers, so the
// process stayed at ~220 MB. Two full collections hand them back:
// - one as the snapshot arrives, before the list is drawn: the parse's garbage (heap 105 → 35 MB used)
//   is gone when the list is on screen. Run after the first frame only, it came after the list was shown
//   (drawing 5,000 rows takes the event loop for 0.3–1.5 s), and the list was shown at ~210 MB; with it,
//   ~160 MB (the bench account, 2026-12-06). Costs one pause of ~0.1–0.2 s before the list;
// - one after the list is drawn: the drawing's garbage (the index, the rows).
import v8 from 'node:v8';
import vm from 'node:vm';
import type {ConnectionHooks, ConnectionSettings, IamGateway} from './model/gateway.js';
import {wrapGateway} from './aws/wrap-gateway.js';

let collect: (() => void) | undefined;

const collector = (): (() => void) | undefined => {
	if (collect) return collect;
	try {
		v8.setFlagsFromString('--expose-gc');
		collect = vm.runInNewContext('gc') as () => void;
	} catch {
		// Without it the memory is simply given back later (or never); nothing else depends on this.
		collect = undefined;
	}
	return collect;
};

/** One full collection, now (synchronous). */
export const collectGarbage = (): void => collector()?.();

/** After the snapshot is loaded and drawn: one full collection, on the next turn of the event loop. */
export const releaseLoadGarbage = (): void => {
	setTimeout(collectGarbage, 0);
};

type Connect = (settings: ConnectionSettings, hooks: ConnectionHooks) => IamGateway;

/**
 * The same connect, whose gateways run one full collection when a snapshot has loaded, before the caller
 * gets it: the load's pages are unreachable by then, and the list is drawn on a heap without them.
 */
export const collectingAfterLoads =
	(connect: Connect, collectNow: () => void = collectGarbage): Connect =>
	(settings, hooks) => {
		const gateway = connect(settings, hooks);
		return wrapGateway(gateway, gateway.readOnly, (name, own) =>
			name === 'loadSnapshot' && typeof own === 'function'
				? async (...args: unknown[]) => {
						const snapshot: unknown = await (own as (...a: unknown[]) => Promise<unknown>)(...args);
						collectNow();
						return snapshot;
					}
				: own,
		);
	};
