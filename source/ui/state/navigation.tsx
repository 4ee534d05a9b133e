// The screen stack: push to open, pop to go back, replace, jump (reset the stack to one list).
import {createContext, useContext, useMemo, useRef, useState, type ReactNode} from 'react';
import type {Route} from './routes.js';

export interface StackEntry {
	/** Stable React key: screens below the top stay mounted, so their cursor and filter survive. */
	id: number;
	route: Route;
}

export interface Navigation {
	stack: StackEntry[];
	top: StackEntry;
	push(route: Route): void;
	pop(): void;
	replace(route: Route): void;
	jump(route: Route): void;
}

const NavigationContext = createContext<Navigation | undefined>(undefined);

export function NavigationProvider(props: {initial: Route; children: ReactNode}) {
	const nextId = useRef(1);
	const [stack, setStack] = useState<StackEntry[]>(() => [{id: 0, route: props.initial}]);
	const navigation = useMemo<Navigation>(() => {
		const entry = (route: Route): StackEntry => ({id: nextId.current++, route});
		return {
			stack,
			top: stack[stack.length - 1]!,
			push: route => setStack(current => [...current, entry(route)]),
			pop: () => setStack(current => (current.length > 1 ? current.slice(0, -1) : current)),
			replace: route => setStack(current => [...current.slice(0, -1), entry(route)]),
			jump: route =>
				setStack(current =>
					current.length === 1 && current[0]!.route.screen === route.screen ? current : [entry(route)],
				),
		};
	}, [stack]);
	return <NavigationContext.Provider value={navigation}>{props.children}</NavigationContext.Provider>;
}

export const useNavigation = (): Navigation => {
	const navigation = useContext(NavigationContext);
	if (!navigation) throw new Error('useNavigation needs a NavigationProvider');
	return navigation;
};
