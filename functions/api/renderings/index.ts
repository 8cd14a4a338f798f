/** Every rendering of a record, in the order negotiation prefers them when `Accept` allows several. */
import { recordJson } from './record-json.ts';
import type { Rendering } from './rendering.ts';

export const RENDERINGS: readonly Rendering[] = [recordJson];

export const renderingByExtension = (extension: string) => RENDERINGS.find((r) => r.extension === extension);
