// Loading a big account parses one large GetAccountAuthorizationDetails reply (4.3 MB of XML at 5,000
// users, in one page from emulators that ignore MaxItems): the heap peaks near 120 MB, then holds ~35 MB.
// V8 keeps the freed pages mapped until a full collection, which an idle TUI never triggers, so the
// process stayed at ~220 MB. One full collection after the snapshot is in hands them back (measured:
// 344 → 98 MB in a synthetic case). Costs one pause of a few tens of ms, once per load.
import v8 from 'node:v8';
import vm from 'node:vm';

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

/** After the snapshot is loaded and drawn: one full collection, on the next turn of the event loop. */
export const releaseLoadGarbage = (): void => {
	setTimeout(() => collector()?.(), 0);
};
