/** Paths the stack resolves against the repository root, whatever the working directory. */
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const repoPath = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));
