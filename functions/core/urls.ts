/**
 * Every absolute URL the service emits, built from the configured public base URL.
 * One place for URL shapes: crosswalks and routes both use these.
 */
export interface ServiceUrls {
  base: string;
  /** The home page, `{base}/`. */
  home: string;
  record(id: string): string;
  recordRendering(id: string, extension: string): string;
  rights(id: string): string;
  citation(id: string): string;
  manifest(id: string): string;
  /** A resource inside a record's IIIF Presentation space (`canvas/37`, `range/document`), below `/iiif/3/{id}/`. */
  iiifPart(id: string, path: string): string;
  collection(path: string): string;
  imageService(imageId: string): string;
  /** The same record's IIIF Presentation 2.1 space, for legacy clients (docs/adr/0015-iiif-2-for-legacy-clients.md). */
  manifest2(id: string): string;
  /** A resource inside a record's IIIF Presentation 2.1 space, below `/iiif/2/{id}/`. */
  iiif2Part(id: string, path: string): string;
  collection2(path: string): string;
  /** The same image's Image API 2.1 service. */
  imageService2(imageId: string): string;
  /** The whole image at full size as JPEG, through the image service (`.../full/max/0/default.jpg`). */
  imageFull(imageId: string): string;
  /** A record's IIIF Content Search service (API 1.0 or 2.0), and its autocomplete service. */
  contentSearch(version: 1 | 2, id: string): string;
  contentSearchAutocomplete(version: 1 | 2, id: string): string;
  viewer(manifestUrl: string): string;
  /** A static file of the viewer page, such as the versioned Mirador bundle. */
  viewerAsset(name: string): string;
  linkset(id: string): string;
  oai: string;
  unapi: string;
  schema(name: string): string;
  openapi: string;
  sitemap: string;
  /** The IIIF Change Discovery 1.0 collection of every change; its pages below `{this}/page/`. */
  activityStream: string;
}

export function serviceUrls(publicBaseUrl: string): ServiceUrls {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const seg = encodeURIComponent;
  return {
    base,
    home: `${base}/`,
    record: (id) => `${base}/records/${seg(id)}`,
    recordRendering: (id, extension) => `${base}/records/${seg(id)}.${extension}`,
    rights: (id) => `${base}/records/${seg(id)}/rights`,
    citation: (id) => `${base}/records/${seg(id)}/citation`,
    manifest: (id) => `${base}/iiif/3/${seg(id)}/manifest`,
    iiifPart: (id, path) => `${base}/iiif/3/${seg(id)}/${path.split('/').map(seg).join('/')}`,
    collection: (path) => `${base}/iiif/3/collection/${path.split('/').map(seg).join('/')}`,
    imageService: (imageId) => `${base}/iiif/image/3/${seg(imageId)}`,
    manifest2: (id) => `${base}/iiif/2/${seg(id)}/manifest`,
    iiif2Part: (id, path) => `${base}/iiif/2/${seg(id)}/${path.split('/').map(seg).join('/')}`,
    collection2: (path) => `${base}/iiif/2/collection/${path.split('/').map(seg).join('/')}`,
    imageService2: (imageId) => `${base}/iiif/image/2/${seg(imageId)}`,
    imageFull: (imageId) => `${base}/iiif/image/3/${seg(imageId)}/full/max/0/default.jpg`,
    contentSearch: (version, id) => `${base}/iiif/search/${version}/${seg(id)}`,
    contentSearchAutocomplete: (version, id) => `${base}/iiif/search/${version}/${seg(id)}/autocomplete`,
    viewer: (manifestUrl) => `${base}/viewer?manifest=${seg(manifestUrl)}`,
    viewerAsset: (name) => `${base}/viewer/${seg(name)}`,
    linkset: (id) => `${base}/linkset/${seg(id)}`,
    oai: `${base}/oai`,
    unapi: `${base}/unapi`,
    schema: (name) => `${base}/schemas/${seg(name)}.schema.json`,
    openapi: `${base}/openapi.json`,
    sitemap: `${base}/sitemap.xml`,
    activityStream: `${base}/iiif/discovery/1/activity/all-changes`,
  };
}
