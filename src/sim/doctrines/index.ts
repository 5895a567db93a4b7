// The built-in doctrines by name.
import type { Doctrine } from '../doctrine.js';
import { random } from './random.js';

export const DOCTRINES: Readonly<Record<string, Doctrine>> = { random };
