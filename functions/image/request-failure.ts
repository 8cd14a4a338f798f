import type { RequestFailure } from '../core/iiif/image-3/request-outcome.ts';
import { HttpProblem } from '../http/problem.ts';

/** A refused image request as the problem the Image API gives it: 400, or 501 for what is valid but not implemented. */
export const failure = (outcome: RequestFailure) =>
  new HttpProblem(outcome.status, outcome.status === 501 ? 'Not Implemented' : 'Bad Request', outcome.message);
