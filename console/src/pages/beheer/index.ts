import type { PageDefinition } from '../registry.ts';
import { BeheerPage } from './services.tsx';

export const BEHEER_PAGES = (access: PageDefinition['access']): readonly PageDefinition[] => [
  { path: '/beheer', title: 'Beheer', component: BeheerPage, access },
];
