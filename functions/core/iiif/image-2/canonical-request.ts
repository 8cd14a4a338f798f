/**
 * A planned request in the canonical form of Image API 2.1 (section 4.7): the region as `full` or
 * `x,y,w,h`; the size as `full` when it is the region's, `w,` when it keeps the region's aspect
 * ratio (as `w,` would compute the height), `w,h` otherwise; then rotation, quality, format.
 */

import { canonicalRotation } from '../image-3/parse-rotation.ts';
import type { ImagePlan } from '../image-3/plan-image-request.ts';

export function canonicalRequest2(plan: Pick<ImagePlan, 'request' | 'region' | 'size' | 'canonical'>): string {
  const [region = 'full'] = plan.canonical.split('/');
  const { width, height } = plan.size;
  const proportional = height === Math.round((plan.region.height * width) / plan.region.width);
  const size = width === plan.region.width && height === plan.region.height ? 'full' : proportional ? `${width},` : `${width},${height}`;
  return `${region}/${size}/${canonicalRotation(plan.request.rotation)}/${plan.request.quality}.${plan.request.format}`;
}
