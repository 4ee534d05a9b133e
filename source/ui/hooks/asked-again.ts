// An answer computed from the access model (who-can, Explain) is asked again whenever the model changes
// (a reload with r, or a write patched into the snapshot), so no screen keeps an answer from an old snapshot.
import {useEffect, useRef} from 'react';

/** Wraps `ask`: the last query asked is asked again, with `again` set, each time `model` changes. */
export const useAskedAgain = <Q>(model: unknown, ask: (query: Q, again: boolean) => void): ((query: Q) => void) => {
	const last = useRef<Q | undefined>(undefined);
	const latest = useRef(ask);
	latest.current = ask;
	const seen = useRef(model);
	useEffect(() => {
		if (seen.current === model) return;
		seen.current = model;
		if (last.current !== undefined) latest.current(last.current, true);
	}, [model]);
	return (query: Q) => {
		last.current = query;
		ask(query, false);
	};
};
