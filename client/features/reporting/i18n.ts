import { en } from './texts.en';
import { vi } from './texts.vi';

export const texts = { vi, en };
