import {createContext, useContext} from 'react';
import type {Services} from './services.js';

export const ServicesContext = createContext<Services | undefined>(undefined);

export const useServices = (): Services => {
	const services = useContext(ServicesContext);
	if (!services) throw new Error('useServices needs a ServicesContext provider');
	return services;
};
