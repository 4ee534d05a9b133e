// A transient message for the status line ("profile added", "reload failed: …"), cleared after a while.
import {createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode} from 'react';

export interface Flash {
	text: string;
	tone: 'info' | 'error';
}

interface MessagesState {
	message: Flash | undefined;
	flash(text: string, tone?: Flash['tone']): void;
}

const MessagesContext = createContext<MessagesState>({message: undefined, flash: () => {}});

export function MessagesProvider(props: {children: ReactNode; durationMs?: number}) {
	const [message, setMessage] = useState<Flash | undefined>();
	const duration = props.durationMs ?? 6000;
	useEffect(() => {
		if (!message) return;
		const timer = setTimeout(() => setMessage(undefined), duration);
		return () => clearTimeout(timer);
	}, [message, duration]);
	const flash = useCallback((text: string, tone: Flash['tone'] = 'info') => setMessage({text, tone}), []);
	const value = useMemo(() => ({message, flash}), [message, flash]);
	return <MessagesContext.Provider value={value}>{props.children}</MessagesContext.Provider>;
}

export const useMessages = (): MessagesState => useContext(MessagesContext);
