import { writeRis } from '../../core/citation/write-ris.ts';
import type { Rendering } from './rendering.ts';

/** RIS, which reference managers import as a letter (`PCOMM`) or a manuscript (`MANSCPT`) with its archive fields. */
export const ris: Rendering = {
  extension: 'ris',
  label: 'RIS',
  contentType: 'application/x-research-info-systems; charset=utf-8',
  mediaTypes: ['application/x-research-info-systems'],
  render: (record, { urls }) => writeRis(record, urls),
};
